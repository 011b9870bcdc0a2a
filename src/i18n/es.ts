/** Build: the interface's words in Spanish (draft translation, not yet proofread: content/traductions/). */
import type { Catalogue } from './fr.ts';

export const es: Catalogue = {
  lienEvitement: 'Ir al contenido',
  sortieRapide: {
    lien: 'Salir de este sitio',
    aide: 'Abre un sitio del tiempo.',
    clavier: ' O pulse 3 veces la tecla Mayús (⇧).',
  },
  urgences: {
    titre: 'Urgencia:',
    tous: 'Todos los números',
    sms: 'SMS',
    appeler: 'Llamar al {numero}',
    envoyerSms: 'SMS al {numero}',
    numeros: {
      '3919': {
        nom: 'Violences Femmes Info, línea para mujeres víctimas de violencia',
        detail: 'gratuito, anónimo, las 24 horas, 7 días a la semana, no aparece en la factura',
      },
      '115': { nom: 'Samu social, alojamiento de urgencia', detail: 'gratuito, las 24 horas' },
      '17': { nom: 'Policía', detail: 'peligro inmediato' },
      '112': { nom: 'Número de emergencia europeo', detail: 'desde cualquier teléfono' },
      '114': {
        nom: 'Urgencia por SMS',
        detail: 'para personas sordas o con dificultades auditivas, o que no pueden hablar sin peligro',
      },
      '119': { nom: 'Allô enfance en danger, infancia en peligro', detail: 'gratuito, las 24 horas' },
    },
  },
  noteSecurite: {
    titre: 'Su seguridad en internet',
    points: [
      'El botón «Salir de este sitio», arriba en cada página, le lleva en seguida a un sitio del tiempo. El botón Atrás no vuelve a esta página, ni a las páginas de este tipo que abrió después. En un ordenador, pulsar tres veces la tecla Mayús (⇧) hace lo mismo.',
      'En el historial del navegador, la página en francés sobre el lugar para mujeres víctimas de violencia y su formulario se llaman «Informations pratiques», con una dirección que no dice de qué tratan. Con JavaScript, una búsqueda hecha en este sitio no deja allí las palabras buscadas.',
      'Sin JavaScript, el botón Atrás puede volver aquí, y las palabras buscadas quedan escritas en la dirección de la página de resultados. En todo caso, las otras pestañas abiertas en este sitio siguen abiertas, y el sitio que le envió aquí (un buscador, por ejemplo) guarda su propio rastro.',
      'Su navegador siempre guarda la lista de las páginas visitadas (el historial). Si alguien puede mirar su teléfono o su ordenador, use la navegación privada, o borre el historial.',
      'Un ordenador público, por ejemplo en una biblioteca, puede ser más seguro.',
    ],
    danger: ['En peligro inmediato: llame al ', ', o envíe un SMS al ', ' si no puede hablar.'],
  },
  entete: {
    menu: 'Menú',
    menuSite: 'Menú del sitio',
    menuPrincipal: 'Menú principal',
    accueil: 'Inicio',
    aide: 'Necesito ayuda',
    siteFrancais: 'Todas las páginas, en francés',
  },
  pied: {
    navigation: 'Pie de página',
    planDuSite: 'Mapa del sitio',
    accessibilite: 'Accesibilidad',
    statuts: {
      'totalement conforme': 'totalmente conforme',
      'partiellement conforme': 'parcialmente conforme',
      'non conforme': 'no conforme',
    },
    mentionsLegales: 'Aviso legal',
    donnees: 'Datos personales',
    enFrancais: '(en francés)',
    cookies: 'Este sitio no instala cookies y no usa ningún servicio externo.',
  },
  langues: { navigation: 'Idiomas' },
  traduction: {
    brouillon: 'Traducción provisional: todavía no ha sido revisada. En caso de duda, la versión en francés es la que vale.',
    versionFrancaise: 'Leer esta página en francés',
  },
  nonTraduit: {
    titre: 'Las demás páginas están en francés',
    texte: 'Por ahora, las demás páginas de este sitio solo existen en francés.',
    planDuSite: 'Todas las páginas del sitio (en francés)',
  },
};
