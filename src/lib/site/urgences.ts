/** Build: Numbers to reach help, from shared/reference/facts.md; shown on every page as tel:/sms: links. */
export type NumeroUrgence = { numero: string; nom: string; detail: string; lien: string };

export const URGENCES: NumeroUrgence[] = [
  {
    numero: '3919',
    nom: 'Violences Femmes Info',
    detail: 'gratuit, anonyme, 24 h/24, 7 j/7, n’apparaît pas sur la facture',
    lien: 'tel:3919',
  },
  { numero: '115', nom: 'Samu social, hébergement d’urgence', detail: 'gratuit, 24 h/24', lien: 'tel:115' },
  { numero: '17', nom: 'Police secours', detail: 'danger immédiat', lien: 'tel:17' },
  { numero: '112', nom: 'Numéro d’urgence européen', detail: 'depuis tout téléphone', lien: 'tel:112' },
  {
    numero: '114',
    nom: 'Urgence par SMS',
    detail: 'pour les personnes sourdes ou malentendantes, ou qui ne peuvent pas parler sans danger',
    lien: 'sms:114',
  },
  { numero: '119', nom: 'Allô enfance en danger', detail: 'gratuit, 24 h/24', lien: 'tel:119' },
];

/** "Appeler le 3919" or "SMS au 114", with non-breaking spaces: a number never breaks away from its verb. */
export const libelleAppel = (u: NumeroUrgence) =>
  u.lien.startsWith('sms') ? `SMS\u00a0au\u00a0${u.numero}` : `Appeler\u00a0le\u00a0${u.numero}`;
