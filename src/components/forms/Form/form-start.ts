/**
 * Browser, on every page (src/layouts/site-scripts.ts): the forms' enhancement (form-enhance.ts) is fetched when a
 * reader first reaches a form, or at once when the page came back with errors. From the page's load, the form is
 * checked as the enhancement checks it: no browser bubbles (in the browser's language), and a form sent before the
 * enhancement arrived is sent again once it is here, with its summary of errors. Without JavaScript, the form posts
 * as plain HTML.
 */
const forms = document.querySelectorAll<HTMLFormElement>('form[data-module="form-enhance"]');

if (forms.length) {
  let pret = false;
  // A module runs once, however often it is imported.
  const charger = () => import('./form-enhance.ts').then(() => void (pret = true));
  if (document.querySelector('.resume-erreurs')) void charger();
  for (const form of forms) {
    // As form-enhance.ts does: the server applies the same rules, and the summary says them in French.
    form.noValidate = true;
    form.addEventListener('focusin', () => void charger(), { once: true });
    form.addEventListener('submit', (event) => {
      if (pret) return;
      event.preventDefault();
      void charger().then(() => (form.requestSubmit ? form.requestSubmit(event.submitter) : form.submit()));
    });
  }
}
