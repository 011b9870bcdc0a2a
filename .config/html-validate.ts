/**
 * html-validate over every built page (test/e2e/html-valid.test.ts): the recommended rules, which are
 * what govuk-frontend checks its components with. Each exception says why it is right for this site.
 */
import type { ConfigData } from 'html-validate';

export const htmlValidateConfig: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    // Titles are "Page — Fabrique rennaise des solidarités" (RGAA 8.6: the site's name in every title);
    // the 70-character limit is about search-engine snippets, the name alone takes 36, a training's title and "S’inscrire :" up to 110.
    'long-title': ['error', { maxlength: 150 }],
    // A group of checkboxes shares one name on purpose: the handler reads it as a list (Formspree protocol).
    'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }],
  },
};
