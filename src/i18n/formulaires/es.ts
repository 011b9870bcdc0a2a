/** Build and server: the forms' words in Spanish (draft translation, not yet proofread). */
import type { FormulairesEnLangue } from './types.ts';

const SAFETY =
  'El navegador no guarda sus respuestas, pero su historial conserva el rastro de las páginas visitadas. La navegación privada o un ordenador de biblioteca pueden ser más seguros.';
const OPTIONAL = 'Todos los campos son obligatorios, salvo los marcados «opcional».';
const MOMENTS = {
  hint: 'Marque todos los momentos que le convengan.',
  options: {
    matin: { label: 'Por la mañana (9 h – 12 h)' },
    midi: { label: 'Al mediodía (12 h – 14 h)' },
    'apres-midi': { label: 'Por la tarde (14 h – 17 h)' },
    soir: { label: 'Al final del día (17 h – 19 h)' },
  },
};
const MESSAGE_AUTORISE = {
  label: '¿Podemos dejar un mensaje si no contesta?',
  hint: 'Otra persona puede ver un mensaje de voz o un SMS.',
  options: { non: { label: 'No, no dejen mensaje' }, oui: { label: 'Sí, pueden dejar un mensaje' } },
};
const parts = { jour: 'el día', mois: 'el mes', annee: 'el año' } as const;

export const es: FormulairesEnLangue = {
  statut: 'brouillon',
  messages: {
    required: (label) => `Rellene el campo «${label}»`,
    chooseOne: (label) => `Elija una respuesta: «${label}»`,
    tickOne: (label) => `Marque al menos una casilla: «${label}»`,
    missingHidden: (label) => `Falta información: «${label}». Vuelva a la página anterior e inténtelo de nuevo.`,
    textExpected: (label) => `«${label}»: se espera una respuesta escrita`,
    tooLong: (label, max, count) => `«${label}»: ${max} caracteres como máximo (hay ${count})`,
    email: 'Escriba una dirección de correo completa, por ejemplo nombre.apellido@ejemplo.es',
    telDigits: 'Escriba un número de teléfono solo con cifras, por ejemplo 06 12 34 56 78',
    telDialable:
      'Escriba un número que se pueda marcar: 10 cifras para un número francés, por ejemplo 06 12 34 56 78, o el número con el prefijo del país, por ejemplo +34 612 34 56 78',
    dateExpected: (label) => `«${label}»: se espera una fecha (día, mes, año)`,
    dateFormat: 'Escriba la fecha como día, mes, año, por ejemplo 15/03/2010',
    dateNotReal: 'Esta fecha no existe: compruebe el día y el mes',
    oneAnswer: (label) => `«${label}»: se espera una sola respuesta`,
    listExpected: (label) => `«${label}»: se espera una lista de opciones`,
    eachOnce: (label) => `«${label}»: cada opción una sola vez`,
    unavailable: (label, disabled) =>
      `«${label}»: elija entre las respuestas propuestas.${disabled.length ? ` Algunas opciones ya no son posibles (${disabled.join('; ')}).` : ''}`,
    sentTwice: (label) => `«${label}» se ha enviado varias veces: se espera una sola respuesta`,
    illegible: 'Este texto contiene un carácter ilegible. Vuelva a escribirlo sin copiar y pegar.',
    control: 'Este texto contiene un carácter de control invisible. Vuelva a escribirlo sin copiar y pegar.',
    oneLine: 'Escriba esta respuesta en una sola línea.',
    dateMissing: (label, missing) => `«${label}»: indique ${missing.map((p) => parts[p]).join(' y ')}`,
    dateYear: (label) => `«${label}»: el año se escribe con 4 cifras, por ejemplo 2004`,
    dateMonth: (label) => `«${label}»: el mes es un número del 1 al 12`,
    dateDay: (label) => `«${label}»: el día es un número del 1 al 31`,
    problem: 'Hay un problema',
    errorPrefix: 'Error: ',
    optional: 'opcional',
    choose: 'Elija',
    unavailablePrefix: 'No disponible: ',
    dateParts: { jour: 'Día', mois: 'Mes', annee: 'Año' },
    honeypot: 'No rellene este campo',
    network:
      'El envío no se ha completado (¿conexión interrumpida?). Sus respuestas siguen aquí: inténtelo de nuevo en un momento.',
    empty: 'El formulario está vacío: rellene al menos los campos obligatorios.',
    storeDown:
      'Su envío no se ha podido guardar por un problema nuestro. No se ha perdido nada de lo que escribió: inténtelo de nuevo dentro de unos minutos.',
    tooOften: (minutes) =>
      `Demasiados envíos de este formulario desde su conexión. Inténtelo de nuevo dentro de ${minutes} minuto${minutes > 1 ? 's' : ''}.`,
    closed: 'Este formulario está cerrado por ahora. Vuelva más tarde o escriba al equipo desde la página de contacto.',
    closedTitle: 'Este formulario está cerrado',
    registrationsClosed: 'Inscripciones cerradas',
    unknownField: (name) => `Este formulario no tiene el campo «${name}»: recargue la página y vuelva a enviar el formulario.`,
    backToForm: (title) => `Volver al formulario «${title}»`,
    backToPage: 'Volver a la página',
    home: 'Volver a la página de inicio',
    helpNow: 'Necesita ayuda ahora: todos los números gratuitos',
    typedTitle: 'Lo que había escrito',
    typedText: 'No se ha guardado ni enviado nada. Si quiere conservar su texto, cópielo antes de salir de esta página.',
    otherLanguages: 'Este formulario en otro idioma:',
    notInServiceTitle: 'Este formulario todavía no está en servicio',
    notInServiceText: 'Nadie leería por ahora lo que escriba aquí: no se puede enviar.',
    freeNumbers: 'Para recibir ayuda ahora, estos números son gratuitos:',
    allNumbers: 'Todos los números y las otras formas de conseguir ayuda',
    numbersToday: 'Números gratuitos que responden hoy:',
    helpPage: 'Página «Necesito ayuda»: todos los números y las otras formas de conseguir ayuda',
    sms: 'SMS\u00a0al\u00a0',
    demonstration: 'Versión de demostración.',
    demonstrationForm: 'Este formulario funciona, pero nadie lee lo que envía aquí. Para recibir ayuda real, vea la página',
    demonstrationThanks:
      'Su envío se ha guardado en este servidor de prueba, pero nadie lo lee y nadie le responderá. Para recibir ayuda real, vea la página',
    helpLink: 'Necesito ayuda',
  },
  formulaires: {
    'demande-aide': {
      title: 'Pedir ayuda',
      description: 'Pedir ayuda a la Fabrique rennaise des solidarités, eligiendo cómo ser contactado sin riesgo.',
      intro: [
        'En caso de peligro inmediato, llame al 17 o envíe un SMS al 114.',
        'Díganos qué necesita y cómo contactarle sin riesgo. No está obligado a dar su nombre.',
        SAFETY,
        OPTIONAL,
      ],
      submitLabel: 'Enviar mi solicitud',
      champs: {
        sujet: {
          label: 'Su solicitud trata de',
          options: {
            hebergement: { label: 'Un alojamiento, una vivienda' },
            alimentation: { label: 'Alimentarse' },
            droits: { label: 'Trámites, papeles, derechos' },
            handicap: { label: 'La discapacidad' },
            violences: { label: 'Violencias' },
            sante: { label: 'La salud' },
            autre: { label: 'Otra cosa' },
          },
        },
        message: { label: 'Su solicitud', hint: 'Escriba lo que quiera: unas pocas palabras bastan.' },
        prenom: { label: 'Nombre o seudónimo', hint: 'Cómo llamarle cuando le respondamos.' },
        canal: {
          label: '¿Cómo podemos responderle sin riesgo?',
          options: {
            telephone: { label: 'Por teléfono' },
            sms: { label: 'Por SMS' },
            email: { label: 'Por correo electrónico' },
          },
        },
        telephone: { label: 'Número de teléfono', hint: 'Si eligió teléfono o SMS: un número que solo conteste usted.' },
        email: { label: 'Correo electrónico', hint: 'Si eligió el correo: una dirección que solo lea usted.' },
        moments: { label: '¿Cuándo podemos contactarle sin riesgo?', ...MOMENTS },
        message_autorise: MESSAGE_AUTORISE,
      },
      regles: {
        telephone: 'Eligió que le contactemos por teléfono o SMS: indique un número seguro',
        email: 'Eligió que le contactemos por correo electrónico: indique una dirección segura',
      },
      thanks: {
        title: 'Su solicitud ha sido enviada',
        paragraphs: [
          'Gracias. Le responderemos de la forma y en los momentos que eligió.',
          'En caso de peligro inmediato, llame al 17 o envíe un SMS al 114. Violences Femmes Info: 3919, gratuito y anónimo, 24 h/24 (en francés).',
        ],
      },
    },
    'femmes-rappel': {
      title: 'Pedir que me llamen',
      titreHistorique: 'Información práctica',
      description:
        'El espacio de recursos para mujeres víctimas de violencia aún no está abierto: todavía nadie devuelve llamadas. Los números que responden hoy.',
      intro: [
        'En caso de peligro inmediato, llame al 17 o envíe un SMS al 114. El 3919 (Violences Femmes Info) es gratuito, anónimo y no aparece en la factura.',
        'Cuando el espacio de recursos abra, este formulario permitirá dejar un número seguro y los momentos en que puede hablar. Solo se pedirán el número y los momentos.',
        SAFETY,
      ],
      submitLabel: 'Pedir que me llamen',
      champs: {
        telephone: { label: 'Un número donde localizarla sin riesgo', hint: 'Un número que solo conteste usted.' },
        moments: { label: '¿Cuándo podemos llamarla sin riesgo?', ...MOMENTS },
        message_autorise: MESSAGE_AUTORISE,
        prenom: { label: 'Nombre o nombre prestado', hint: 'Para saber por quién preguntar al teléfono.' },
      },
      pasEncoreOuvert:
        'El espacio de recursos para mujeres víctimas de violencia es un proyecto: aún no está abierto y ningún equipo puede devolverle la llamada. Por eso este formulario no recoge ninguna solicitud. Hoy puede llamar al 3919 (Violences Femmes Info, gratuito, anónimo, 24 h/24, no aparece en la factura), al 17 o al 112 en caso de peligro inmediato, o enviar un SMS al 114 si no puede hablar.',
      thanks: {
        title: 'Información',
        paragraphs: [
          'El espacio de recursos aún no está abierto: por ahora ningún equipo devuelve llamadas, y este sitio no la contactará.',
          'En caso de peligro inmediato: 17 o 112, o SMS al 114. Violences Femmes Info: 3919, gratuito, anónimo, 24 h/24.',
          'Todas las ayudas: página «Necesito ayuda» (/es/aide/).',
        ],
      },
    },
    contact: {
      title: 'Escribir a la Fabrique',
      description:
        'Hacer una pregunta al equipo del sitio de la Fabrique rennaise des solidarités o señalar un problema en el sitio.',
      intro: [
        '¿Una pregunta, una dificultad para usar este sitio, un contenido que no puede leer? Escríbanos: el equipo le responde por correo electrónico.',
        'Para pedir ayuda para usted o un familiar, use mejor la solicitud de ayuda: allí elige cómo y cuándo ser contactado sin peligro.',
        OPTIONAL,
      ],
      submitLabel: 'Enviar mi mensaje',
      champs: {
        prenom: { label: 'Nombre' },
        nom: { label: 'Apellido' },
        email: { label: 'Correo electrónico', hint: 'Solo lo usamos para responderle.' },
        sujet: {
          label: 'Su mensaje trata de',
          options: {
            question: { label: 'Una pregunta sobre un programa' },
            accessibilite: { label: 'Un problema de accesibilidad del sitio' },
            erreur: { label: 'Un error en una información' },
            autre: { label: 'Otra cosa' },
          },
        },
        message: { label: 'Su mensaje', hint: 'Para un problema en el sitio: la página afectada y lo que le molestó.' },
      },
      thanks: {
        title: 'Gracias por su mensaje',
        paragraphs: ['El equipo del sitio lee su mensaje y le responde por correo electrónico.'],
      },
    },
    e2c: {
      title: 'Estar al tanto del proyecto de Escuela de la Segunda Oportunidad',
      description:
        'Decir su interés por el proyecto de Escuela de la Segunda Oportunidad en Rennes (menores de 26 años, sin título): la escuela aún no está abierta.',
      intro: [
        'La Escuela de la Segunda Oportunidad de Rennes es un proyecto: aún no está abierta y este formulario no es una solicitud de admisión. Díganos que le interesa: su mensaje se leerá cuando haya un equipo para este proyecto.',
        'El programa la prevé para jóvenes menores de 26 años que dejaron la escuela sin título ni cualificación.',
        '¿Tiene 26 años o más? El programa prevé esta escuela para menores de 26 años, y esa es también la regla de la Réseau E2C France. Las fuentes de este sitio no citan ningún recorrido para mayores de 26 años: haga su pregunta con el formulario de contacto (/es/formulaires/contact/) o vea la página «Necesito ayuda» (/es/aide/). También puede escribirnos aquí, a cualquier edad.',
        'Para responderle, deje un correo electrónico o un número de teléfono: al menos uno de los dos. Los demás campos sin «(opcional)» son obligatorios.',
      ],
      submitLabel: 'Enviar',
      champs: {
        prenom: { label: 'Nombre' },
        nom: { label: 'Apellido' },
        naissance: {
          label: 'Fecha de nacimiento',
          hint: 'Por ejemplo: 27 3 2007.',
          tooEarly: 'Esta fecha de nacimiento es demasiado antigua: compruebe el año',
          tooLate: 'La fecha de nacimiento no puede estar en el futuro',
          ageNote:
            'Según esta fecha, tiene 26 años o más: la escuela prevista es para menores de 26 años. Aun así puede enviar este formulario. Para otra vía, haga su pregunta con el formulario de contacto (/es/formulaires/contact/).',
        },
        diplome: {
          label: 'Su título más alto',
          options: {
            aucun: { label: 'Ningún título' },
            brevet: { label: 'Brevet des collèges (fin de la secundaria obligatoria)' },
            'cap-bep-non-obtenu': { label: 'CAP o BEP empezado, no obtenido' },
            'cap-bep': { label: 'CAP o BEP obtenido' },
            bac: { label: 'Bachillerato (baccalauréat) o más' },
          },
        },
        email: {
          label: 'Correo electrónico',
          hint: 'Solo lo usamos para responderle.',
          optionalNote: 'o un teléfono: al menos uno de los dos',
        },
        telephone: { label: 'Número de teléfono', optionalNote: 'o un correo: al menos uno de los dos' },
        message: { label: 'Su proyecto, sus preguntas' },
      },
      regles: {
        naissance:
          'Según esta fecha, tiene menos de 16 años: las Escuelas de la Segunda Oportunidad acogen a partir de 16 años. La página «Necesito ayuda» (/es/aide/) dice dónde preguntar.',
        email: 'Indique un correo electrónico o un número de teléfono (al menos uno de los dos), para que podamos responderle',
      },
      thanks: {
        title: 'Gracias, hemos anotado su interés',
        paragraphs: [
          'La Escuela de la Segunda Oportunidad de Rennes aún no está abierta: este mensaje no es una solicitud de admisión.',
          'Su mensaje se leerá cuando haya un equipo para este proyecto; las noticias le llegarán entonces por correo o por teléfono, según lo que haya dejado.',
          'Para recibir ayuda ahora: página «Necesito ayuda» (/es/aide/).',
        ],
      },
      autresMerci: {
        '/formulaires/e2c/merci/26-ans/': {
          title: 'Gracias, hemos anotado su mensaje',
          paragraphs: [
            'La Escuela de la Segunda Oportunidad de Rennes aún no está abierta: este mensaje no es una solicitud de admisión.',
            'Según su fecha de nacimiento, tiene 26 años o más. El programa prevé esta escuela para menores de 26 años, y esa es también la regla de la Réseau E2C France. Su mensaje se guarda como los demás y se leerá cuando haya un equipo para este proyecto.',
            'Las fuentes de este sitio aún no citan ningún recorrido para mayores de 26 años. Para hacer su pregunta: formulario de contacto (/es/formulaires/contact/). Para recibir ayuda ahora: página «Necesito ayuda» (/es/aide/).',
          ],
        },
      },
    },
    agir: {
      title: 'Colaborar con la Fabrique',
      description: 'Ofrecer su ayuda a la Fabrique rennaise des solidarités: ámbitos, disponibilidad.',
      intro: [
        'La Fabrique es una propuesta del programa: un lugar para los vecinos que quieren actuar contra la exclusión, con las personas que viven en la calle y las asociaciones ya presentes. Todavía no existe. Díganos qué le gustaría hacer: su propuesta se leerá cuando haya un equipo.',
        OPTIONAL,
      ],
      submitLabel: 'Ofrecer mi ayuda',
      champs: {
        prenom: { label: 'Nombre' },
        nom: { label: 'Apellido' },
        email: { label: 'Correo electrónico', hint: 'Solo lo usamos para responderle.' },
        telephone: { label: 'Número de teléfono' },
        quartier: { label: 'Su barrio', hint: 'Para proponerle acciones cerca de su casa.' },
        domaines: {
          label: 'Lo que le gustaría hacer',
          hint: 'Marque una o varias casillas.',
          options: {
            accueil: { label: 'Recibir a las personas en la Fabrique' },
            rue: { label: 'Ir al encuentro de las personas que viven en la calle' },
            repas: { label: 'Preparar o servir comidas' },
            accompagnement: { label: 'Acompañar en los trámites' },
            loisirs: { label: 'Animar actividades de ocio compartidas' },
            langues: { label: 'Traducir o interpretar' },
            autre: { label: 'Otra cosa (dígalo en su mensaje)' },
          },
        },
        disponibilites: {
          label: '¿Cuándo está disponible?',
          options: {
            'semaine-journee': { label: 'Entre semana, de día' },
            'semaine-soir': { label: 'Entre semana, por la noche' },
            'week-end': { label: 'El fin de semana' },
            ponctuel: { label: 'De vez en cuando, para un evento' },
          },
        },
        message: { label: 'Su mensaje', hint: 'Lo que sabe hacer, sus preguntas.' },
      },
      thanks: {
        title: 'Gracias por su propuesta',
        paragraphs: [
          'Su propuesta ha quedado registrada. La Fabrique es una propuesta del programa: su equipo aún no existe, y su propuesta se leerá cuando exista.',
        ],
      },
    },
    'candidature-referent': {
      title: 'Ser referente de discapacidad e inclusión',
      description: 'Presentar su candidatura como referente de discapacidad e inclusión (référent) de su barrio.',
      intro: [
        'El programa propone un referente de discapacidad e inclusión en cada barrio, para recibir a los vecinos, escucharlos y orientarlos. Puede ser el padre o la madre de un niño con discapacidad o un adulto con discapacidad.',
        OPTIONAL,
      ],
      submitLabel: 'Enviar mi candidatura',
      champs: {
        quartier: { label: 'El barrio donde desea ser referente' },
        prenom: { label: 'Nombre' },
        nom: { label: 'Apellido' },
        email: { label: 'Correo electrónico', hint: 'Solo lo usamos para responderle.' },
        telephone: { label: 'Número de teléfono' },
        profil: {
          label: 'Usted es',
          options: {
            'parent-enfant-handicape': { label: 'Padre o madre de un niño con discapacidad' },
            'adulte-en-situation-de-handicap': { label: 'Adulto con discapacidad' },
            autre: { label: 'Otra situación (explíquela en su mensaje)' },
          },
        },
        langues: { label: 'Idiomas que habla', hint: 'Por ejemplo: francés, lengua de signos francesa (LSF), español.' },
        motivation: {
          label: '¿Por qué desea ser referente?',
          hint: 'Unas frases bastan: su experiencia, lo que le gustaría hacer.',
          minLength: '«¿Por qué desea ser referente?»: dígalo en una o dos frases (30 caracteres como mínimo)',
        },
      },
      thanks: {
        title: 'Su candidatura ha sido enviada',
        paragraphs: [
          'Gracias, su candidatura ha quedado registrada. Los referentes son una propuesta del programa: su candidatura se leerá cuando haya un equipo para este proyecto.',
        ],
      },
    },
  },
};
