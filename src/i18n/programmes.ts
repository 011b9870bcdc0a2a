/**
 * Build: the words around a translated programme summary (/<language>/programmes/<programme>/) and a translated
 * offline page (/<language>/hors-ligne/), per language (issue 23). Typed from the French entry: a missing key is a type
 * error, an empty one fails test/unit/programmes-traduits.test.ts. Draft translations, as the catalogues.
 */
import type { Code } from './languages.ts';

const fr = {
  lireFalc: 'Lire le résumé en facile à lire',
  proposition: 'Proposition du programme : ce n’est pas encore un service ouvert.',
  /** When the French page says the programme has moved on: the translation may lag behind. */
  statutEnFrancais: 'Ce résumé peut dater : la page en français dit où en est le programme.',
  pourQui: 'Pour qui ?',
  propose: 'Ce qui est proposé',
  participer: 'Comment participer ?',
  formulairesEnFrancais: 'Les formulaires et la page complète du programme sont en français.',
  /** When the programme's form has this language's words: only the full page stays French. */
  pageEnFrancais: 'La page complète du programme est en français.',
  pageComplete: 'La page complète du programme',
  aideMaintenant: 'Besoin d’aide maintenant : les numéros d’urgence',
  falcTitre: 'En facile à lire',
  falcBadge: 'Brouillon',
  falcBrouillon: 'Ce texte n’a pas encore été relu par des personnes en situation de handicap intellectuel.',
  /** The list of translated summaries on the language's home. */
  liste: 'Les programmes',
  /** A sensitive page (its French one has a neutral history title): the title the tab and history show. */
  historique: 'Dans l’historique du navigateur, cette page s’appelle « {titre} ».',
  horsLigne: {
    titre: 'Hors connexion',
    description: 'Numéros d’urgence, lisibles sans réseau.',
    h1: 'Pas de réseau pour le moment',
    texte:
      'Cette page est gardée sur votre appareil. Les pages déjà ouvertes restent lisibles ; les autres s’afficheront au retour du réseau. Les appels d’urgence marchent sans internet.',
    urgences: 'Numéros d’urgence gratuits',
    referents: 'Les référents handicap et inclusion, leurs permanences et leurs lieux',
  },
};

type Widen<T> = T extends string ? string : { readonly [K in keyof T]: Widen<T[K]> };
export type TextesProgramme = Widen<typeof fr>;

export const TEXTES_PROGRAMMES: Record<Code, TextesProgramme> = {
  fr,
  en: {
    lireFalc: 'Read the easy-read summary',
    proposition: 'A proposal of the programme: it is not an open service yet.',
    statutEnFrancais: 'This summary may be out of date: the French page says where the programme stands.',
    pourQui: 'Who is it for?',
    propose: 'What is proposed',
    participer: 'How to take part',
    formulairesEnFrancais: 'The forms and the programme’s full page are in French.',
    pageEnFrancais: 'The programme’s full page is in French.',
    pageComplete: 'The programme’s full page',
    aideMaintenant: 'Need help now: the emergency numbers',
    falcTitre: 'Easy read',
    falcBadge: 'Draft',
    falcBrouillon: 'People with intellectual disabilities have not proofread this text yet.',
    liste: 'The programmes',
    historique: 'In the browser’s history, this page is called “{titre}”.',
    horsLigne: {
      titre: 'Offline',
      description: 'Emergency numbers, readable without a network.',
      h1: 'No network at the moment',
      texte:
        'This page is kept on your device. Pages you have already opened can still be read; the others will show when the network is back. Emergency calls work without the internet.',
      urgences: 'Free emergency numbers',
      referents: 'The disability and inclusion contact people, their drop-in hours and places',
    },
  },
  ar: {
    lireFalc: 'اقرأ الملخص بلغة سهلة القراءة',
    proposition: 'هذا اقتراح من البرنامج: ليس خدمة مفتوحة بعد.',
    statutEnFrancais: 'قد يكون هذا الملخص قديمًا: الصفحة الفرنسية تقول أين وصل البرنامج.',
    pourQui: 'لمن؟',
    propose: 'ما المقترح',
    participer: 'كيف تشارك؟',
    formulairesEnFrancais: 'الاستمارات والصفحة الكاملة للبرنامج باللغة الفرنسية.',
    pageEnFrancais: 'الصفحة الكاملة للبرنامج باللغة الفرنسية.',
    pageComplete: 'الصفحة الكاملة للبرنامج',
    aideMaintenant: 'تحتاج إلى مساعدة الآن: أرقام الطوارئ',
    falcTitre: 'بلغة سهلة القراءة',
    falcBadge: 'مسودة',
    falcBrouillon: 'لم يراجع هذا النص بعد أشخاص من ذوي الإعاقة الذهنية.',
    liste: 'البرامج',
    historique: 'في سجل المتصفح، اسم هذه الصفحة «{titre}».',
    horsLigne: {
      titre: 'بدون اتصال',
      description: 'أرقام الطوارئ، يمكن قراءتها بدون شبكة.',
      h1: 'لا توجد شبكة في الوقت الحالي',
      texte:
        'هذه الصفحة محفوظة على جهازك. الصفحات التي فتحتها من قبل تبقى قابلة للقراءة، والصفحات الأخرى ستظهر عند عودة الشبكة. مكالمات الطوارئ تعمل بدون إنترنت.',
      urgences: 'أرقام الطوارئ المجانية',
      referents: 'مرجعيو الإعاقة والإدماج، ومواعيد استقبالهم وأماكنها',
    },
  },
  uk: {
    lireFalc: 'Прочитати резюме легкою мовою',
    proposition: 'Це пропозиція програми: це ще не відкрита послуга.',
    statutEnFrancais: 'Це резюме може бути застарілим: французька сторінка каже, на якому етапі програма.',
    pourQui: 'Для кого?',
    propose: 'Що пропонується',
    participer: 'Як долучитися?',
    formulairesEnFrancais: 'Форми та повна сторінка програми — французькою мовою.',
    pageEnFrancais: 'Повна сторінка програми — французькою мовою.',
    pageComplete: 'Повна сторінка програми',
    aideMaintenant: 'Потрібна допомога зараз: номери екстрених служб',
    falcTitre: 'Легкою мовою',
    falcBadge: 'Чернетка',
    falcBrouillon: 'Люди з інтелектуальною інвалідністю ще не перевірили цей текст.',
    liste: 'Програми',
    historique: 'В історії браузера ця сторінка називається «{titre}».',
    horsLigne: {
      titre: 'Без з’єднання',
      description: 'Номери екстрених служб, доступні без мережі.',
      h1: 'Зараз немає мережі',
      texte:
        'Ця сторінка збережена на вашому пристрої. Сторінки, які ви вже відкривали, можна читати; інші з’являться, коли повернеться мережа. Екстрені дзвінки працюють без інтернету.',
      urgences: 'Безкоштовні номери екстрених служб',
      referents: 'Референти з питань інвалідності та інклюзії, їхні години прийому та місця',
    },
  },
  prs: {
    lireFalc: 'خلاصه را به زبان ساده بخوانید',
    proposition: 'این یک پیشنهاد برنامه است: هنوز یک خدمت باز نیست.',
    statutEnFrancais: 'شاید این خلاصه کهنه باشد: صفحه فرانسوی می‌گوید برنامه به کجا رسیده است.',
    pourQui: 'برای چه کسی؟',
    propose: 'چه چیزی پیشنهاد می‌شود',
    participer: 'چطور سهم بگیرید؟',
    formulairesEnFrancais: 'فورم‌ها و صفحه کامل برنامه به زبان فرانسوی هستند.',
    pageEnFrancais: 'صفحه کامل برنامه به زبان فرانسوی است.',
    pageComplete: 'صفحه کامل برنامه',
    aideMaintenant: 'همین حالا کمک لازم دارید: شماره‌های اضطراری',
    falcTitre: 'به زبان ساده',
    falcBadge: 'پیش‌نویس',
    falcBrouillon: 'افراد دارای معلولیت ذهنی هنوز این متن را بازخوانی نکرده‌اند.',
    liste: 'برنامه‌ها',
    historique: 'در تاریخچه مرورگر، نام این صفحه «{titre}» است.',
    horsLigne: {
      titre: 'بدون انترنت',
      description: 'شماره‌های اضطراری، بدون شبکه قابل خواندن.',
      h1: 'فعلاً شبکه نیست',
      texte:
        'این صفحه روی دستگاه شما نگه داشته شده است. صفحه‌هایی که قبلاً باز کرده‌اید خوانده می‌شوند؛ صفحه‌های دیگر وقتی شبکه برگردد نشان داده می‌شوند. زنگ‌های اضطراری بدون انترنت کار می‌کنند.',
      urgences: 'شماره‌های اضطراری رایگان',
      referents: 'مسئولین معلولیت و شمولیت، ساعت‌های حضور و جاهای آن‌ها',
    },
  },
  es: {
    lireFalc: 'Leer el resumen en lectura fácil',
    proposition: 'Una propuesta del programa: todavía no es un servicio abierto.',
    statutEnFrancais: 'Este resumen puede estar desactualizado: la página en francés dice en qué punto está el programa.',
    pourQui: '¿Para quién?',
    propose: 'Qué se propone',
    participer: '¿Cómo participar?',
    formulairesEnFrancais: 'Los formularios y la página completa del programa están en francés.',
    pageEnFrancais: 'La página completa del programa está en francés.',
    pageComplete: 'La página completa del programa',
    aideMaintenant: '¿Necesita ayuda ahora? Los números de emergencia',
    falcTitre: 'En lectura fácil',
    falcBadge: 'Borrador',
    falcBrouillon: 'Personas con discapacidad intelectual todavía no han revisado este texto.',
    liste: 'Los programas',
    historique: 'En el historial del navegador, esta página se llama «{titre}».',
    horsLigne: {
      titre: 'Sin conexión',
      description: 'Números de emergencia, que se pueden leer sin red.',
      h1: 'No hay red por el momento',
      texte:
        'Esta página está guardada en su dispositivo. Las páginas que ya abrió se pueden seguir leyendo; las demás aparecerán cuando vuelva la red. Las llamadas de emergencia funcionan sin internet.',
      urgences: 'Números de emergencia gratuitos',
      referents: 'Las personas referentes de discapacidad e inclusión, sus horarios de atención y sus lugares',
    },
  },
  pt: {
    lireFalc: 'Ler o resumo em leitura fácil',
    proposition: 'Uma proposta do programa: ainda não é um serviço aberto.',
    statutEnFrancais: 'Este resumo pode estar desatualizado: a página em francês diz em que ponto está o programa.',
    pourQui: 'Para quem?',
    propose: 'O que é proposto',
    participer: 'Como participar?',
    formulairesEnFrancais: 'Os formulários e a página completa do programa estão em francês.',
    pageEnFrancais: 'A página completa do programa está em francês.',
    pageComplete: 'A página completa do programa',
    aideMaintenant: 'Precisa de ajuda agora? Os números de emergência',
    falcTitre: 'Em leitura fácil',
    falcBadge: 'Rascunho',
    falcBrouillon: 'Pessoas com deficiência intelectual ainda não reviram este texto.',
    liste: 'Os programas',
    historique: 'No histórico do navegador, esta página chama-se «{titre}».',
    horsLigne: {
      titre: 'Sem ligação',
      description: 'Números de emergência, que se podem ler sem rede.',
      h1: 'Sem rede de momento',
      texte:
        'Esta página está guardada no seu aparelho. As páginas que já abriu continuam legíveis; as outras aparecerão quando a rede voltar. As chamadas de emergência funcionam sem internet.',
      urgences: 'Números de emergência gratuitos',
      referents: 'As pessoas de referência para a deficiência e a inclusão, os seus horários de atendimento e os locais',
    },
  },
};

export const textesProgramme = (code: Code): TextesProgramme => TEXTES_PROGRAMMES[code];
