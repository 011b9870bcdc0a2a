/**
 * Browser, on every page (src/layouts/site-scripts.ts): fetches the forms' enhancement (form-enhance.ts) when a
 * reader first reaches a form, or at once when the page came back with errors. Until then, and without it, the
 * form posts as plain HTML.
 */
const forms = document.querySelectorAll<HTMLFormElement>('form[data-module="form-enhance"]');

if (forms.length) {
  // A module runs once, however often it is imported.
  const charger = () => void import('./form-enhance.ts');
  if (document.querySelector('.resume-erreurs')) charger();
  for (const form of forms) form.addEventListener('focusin', charger, { once: true });
}
