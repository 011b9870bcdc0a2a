/** Contact preferences asked by the two forms for people who may be at risk: when, and whether a message may be left. */
import type { CheckboxesField, RadioField } from './field.ts';

export const moments = (over: Partial<CheckboxesField> = {}): CheckboxesField => ({
  name: 'moments',
  label: 'Quand pouvons-nous vous appeler sans risque ?',
  hint: 'Cochez tous les moments qui vous conviennent.',
  type: 'checkboxes',
  required: true,
  options: [
    { value: 'matin', label: 'Le matin (9 h – 12 h)' },
    { value: 'midi', label: 'Le midi (12 h – 14 h)' },
    { value: 'apres-midi', label: 'L’après-midi (14 h – 17 h)' },
    { value: 'soir', label: 'En fin de journée (17 h – 19 h)' },
  ],
  sensitive: true,
  ...over,
});

export const messageAutorise = (): RadioField => ({
  name: 'message_autorise',
  label: 'Pouvons-nous laisser un message si vous ne répondez pas ?',
  hint: 'Un message vocal ou un SMS peut être vu par quelqu’un d’autre.',
  type: 'radio',
  required: true,
  options: [
    { value: 'non', label: 'Non, ne laissez pas de message' },
    { value: 'oui', label: 'Oui, vous pouvez laisser un message' },
  ],
  sensitive: true,
});

export const SAFETY_NOTE =
  'Vos réponses ne sont pas mémorisées par le navigateur, mais son historique garde la trace des pages visitées. La navigation privée ou un ordinateur de bibliothèque peuvent être plus sûrs.';
