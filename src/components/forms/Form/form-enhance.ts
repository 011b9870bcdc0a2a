/**
 * Browser: Progressive enhancement of the forms (GOV.UK error-summary pattern): the form still posts without
 * JavaScript; with it, the submission goes by fetch, errors appear inline and in a summary that takes
 * the focus, and nothing reloads. The markup mirrors src/lib/forms/render-*.ts.
 */
type ApiError = { field?: string; message: string };
type ApiAnswer = { ok?: boolean; next?: unknown; error?: string; errors?: ApiError[] };

// The site's typography (no-break space before « : », narrow one before « ? »), as the server's pages have it.
const TITLE_PREFIX = 'Erreur\u00a0: ';
const NETWORK =
  'L’envoi n’a pas abouti (connexion interrompue\u202f?). Vos réponses sont toujours là\u00a0: réessayez dans un instant.';

/** The words of this form's language: a translated form carries them (src/lib/forms/render-form.ts), French is the default. */
const words = (form: HTMLFormElement) => ({
  prefix: form.dataset.motErreur ?? TITLE_PREFIX,
  problem: form.dataset.motProbleme ?? 'Il y a un problème',
  network: form.dataset.motReseau ?? NETWORK,
});

function text(tag: string, className: string, content: string): HTMLElement {
  const el = document.createElement(tag);
  el.className = className;
  el.textContent = content;
  return el;
}

function clearErrors(zone: Element, prefix: string) {
  zone.querySelector('.resume-erreurs')?.remove();
  zone.querySelectorAll('.champ__erreur').forEach((e) => e.remove());
  zone.querySelectorAll('.champ--erreur').forEach((e) => e.classList.remove('champ--erreur'));
  zone.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  zone.querySelectorAll('[aria-describedby]').forEach((e) => {
    const ids = e
      .getAttribute('aria-describedby')!
      .split(' ')
      .filter((id) => !id.endsWith('-erreur'));
    if (ids.length) e.setAttribute('aria-describedby', ids.join(' '));
    else e.removeAttribute('aria-describedby');
  });
  document.title = document.title.replace(prefix, '');
}

function showFieldError(form: HTMLFormElement, field: string, message: string): boolean {
  const wrapper = form.querySelector(`[data-champ="${CSS.escape(field)}"]`);
  if (!wrapper) return false;
  if (wrapper.classList.contains('champ--erreur')) return true;
  wrapper.classList.add('champ--erreur');
  const p = text('p', 'champ__erreur', message);
  p.id = `f-${field}-erreur`;
  p.prepend(text('span', 'champ__prefixe', words(form).prefix));
  const group = wrapper.querySelector('fieldset');
  const control = group ?? wrapper.querySelector('input, select, textarea');
  const before = wrapper.querySelector('input, select, textarea, .choix');
  before?.parentElement?.insertBefore(p, before);
  if (control) {
    const ids = control.getAttribute('aria-describedby');
    control.setAttribute('aria-describedby', ids ? `${ids} ${p.id}` : p.id);
    if (!group) control.setAttribute('aria-invalid', 'true');
  }
  return true;
}

function showErrors(form: HTMLFormElement, errors: ApiError[]) {
  const zone = form.parentElement!;
  const w = words(form);
  clearErrors(zone, w.prefix);
  const list = text('ul', 'resume-erreurs__liste', '');
  for (const e of errors) {
    const li = document.createElement('li');
    if (e.field && showFieldError(form, e.field, e.message)) {
      const a = text('a', '', e.message) as HTMLAnchorElement;
      a.href = `#f-${e.field}`;
      li.append(a);
    } else li.textContent = e.message;
    list.append(li);
  }
  const summary = document.createElement('div');
  summary.className = 'resume-erreurs';
  summary.tabIndex = -1;
  summary.setAttribute('aria-labelledby', 'resume-erreurs-titre');
  const alert = document.createElement('div');
  alert.setAttribute('role', 'alert');
  const title = text('h2', 'resume-erreurs__titre', w.problem);
  title.id = 'resume-erreurs-titre';
  alert.append(title, list);
  summary.append(alert);
  zone.prepend(summary);
  document.title = w.prefix + document.title;
  summary.focus();
}

/** Links of the summary move focus to the field itself, not just scroll (GOV.UK behaviour). */
function onSummaryClick(event: Event) {
  const link = (event.target as Element).closest('.resume-erreurs a');
  const target = link && document.getElementById(link.getAttribute('href')!.slice(1));
  if (!target) return;
  event.preventDefault();
  (target.closest('.champ')?.querySelector('legend, label') ?? target).scrollIntoView();
  target.focus({ preventScroll: true });
}

function enhance(form: HTMLFormElement) {
  // Our summary replaces the browser's bubbles; the server applies the same rules.
  form.noValidate = true;
  let idempotencyKey = '';
  let sending = false;
  form.parentElement!.addEventListener('click', onSummaryClick);
  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (sending) return;
    sending = true;
    const button = form.querySelector<HTMLButtonElement>('[type="submit"]');
    button?.setAttribute('aria-disabled', 'true');
    form.setAttribute('aria-busy', 'true');
    // One key per attempt at sending these answers: a retry after a lost answer is not stored twice.
    idempotencyKey ||= crypto.randomUUID();
    const body = new URLSearchParams(new FormData(form) as unknown as Record<string, string>);
    body.set('_idempotency', idempotencyKey);
    try {
      const res = await fetch(form.action, { method: 'POST', body, headers: { Accept: 'application/json' } });
      const answer = (await res.json()) as ApiAnswer;
      if (answer.ok && typeof answer.next === 'string') {
        // A sensitive page (quick exit) is replaced in history by its thank-you page.
        if (document.body.hasAttribute('data-sensible')) window.location.replace(answer.next);
        else window.location.assign(answer.next);
        return;
      }
      if (res.status === 422) idempotencyKey = '';
      showErrors(form, answer.errors?.length ? answer.errors : [{ message: answer.error ?? words(form).network }]);
    } catch {
      showErrors(form, [{ message: words(form).network }]);
    } finally {
      sending = false;
      button?.removeAttribute('aria-disabled');
      form.removeAttribute('aria-busy');
    }
  };
  // onSubmit catches its own failures: nothing waits for its promise.
  form.addEventListener('submit', (event) => void onSubmit(event));
}

/** Age on today's date from the three parts of a date field, or undefined while it is not a whole date. */
function typedAge(parts: HTMLInputElement[]): number | undefined {
  const [day, month, year] = parts.map((p) => Number(p.value.trim()));
  if (!day || !month || !year || parts[2]!.value.trim().length !== 4 || month > 12 || day > 31) return undefined;
  const now = new Date();
  const [m, d] = [now.getMonth() + 1, now.getDate()];
  return now.getFullYear() - year - (m < month || (m === month && d < day) ? 1 : 0);
}

/** A date field's note (src/lib/forms/render-field.ts), written once the date gives that age or more; it never blocks. */
function ageNotes(form: HTMLFormElement) {
  form.querySelectorAll<HTMLElement>('[data-age-from]').forEach((note) => {
    const parts = [...(note.closest('.champ')?.querySelectorAll<HTMLInputElement>('.date__saisie') ?? [])];
    const from = Number(note.dataset.ageFrom);
    const update = () => {
      const age = typedAge(parts);
      const text = age !== undefined && age >= from ? (note.dataset.note ?? '') : '';
      if (note.textContent !== text) note.textContent = text;
    };
    parts.forEach((p) => p.addEventListener('input', update));
    update();
  });
}

document.querySelectorAll<HTMLFormElement>('form[data-module="form-enhance"]').forEach((form) => {
  enhance(form);
  ageNotes(form);
});
// A page that came back with errors (no-JS journey) also gets focus-on-field links.
document.querySelectorAll('.resume-erreurs').forEach((s) => s.addEventListener('click', onSummaryClick));

// A module (fetched by form-start.ts with import()), though it exports nothing.
export {};
