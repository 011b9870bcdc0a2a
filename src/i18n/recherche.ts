/**
 * Build and browser: the search's words in each language (issue 23), for /recherche/ and /<code>/recherche/ and the
 * header's search box. The page's words are written at build time; `navigateur` is what the search script writes
 * (results, "nothing found"): French is imported by the script itself (src/components/Recherche/recherche.ts), every
 * other language is given to it by its page, so the script carries one language only. Translations are drafts, as
 * the pages they search (content/traductions/).
 *
 * In `navigateur`, `{n}` is a number of results, `{q}` what was typed, `{cherche}` what was searched instead,
 * `{pour}` and `{avec}` the `pour` and `avec` phrases (or nothing). A pair is [one result, several results]; languages
 * whose plurals need more than two forms say « results: 3 » instead, the same in both.
 */
import type { Code } from './languages.ts';

/** What the search script writes, in French. */
export const NAVIGATEUR_FR = {
  aucun: 'Aucun résultat{pour}{avec}.',
  resultats: ['{n} résultat{pour}{avec}.', '{n} résultats{pour}{avec}.'],
  corrige: [
    '{n} résultat pour «\u202f{cherche}\u202f» (vous avez écrit «\u202f{q}\u202f»){avec}.',
    '{n} résultats pour «\u202f{cherche}\u202f» (vous avez écrit «\u202f{q}\u202f»){avec}.',
  ],
  partiel: [
    'Aucune page ne contient tous ces mots. {n} résultat avec une partie des mots{pour}{avec}.',
    'Aucune page ne contient tous ces mots. {n} résultats avec une partie des mots{pour}{avec}.',
  ],
  pour: ' pour «\u202f{q}\u202f»',
  avec: ' avec ces filtres',
  plus: ['Afficher {n} résultat de plus', 'Afficher {n} résultats de plus'],
  rien: 'Vérifiez l’orthographe, essayez un autre mot ou retirez un filtre. Voici d’autres façons de trouver\u00a0:',
  titreResultats: 'Résultats de la recherche',
  aussi: 'Aussi appelé\u00a0: ',
  session: 'Prochaine session\u00a0: ',
  erreur: 'La recherche n’a pas pu se charger. Réessayez, ou parcourez l’index de A à Z plus bas.',
  trouverAutrement: 'Trouver autrement',
  besoinAide: 'Besoin d’aide tout de suite\u202f?',
  /** The search page's note once the script runs (recherche-start.ts): [before the link to the site map, the link, after]. */
  note: [
    'Les résultats s’affichent pendant que vous tapez. Vous pouvez aussi parcourir les liens ci-dessous, l’index de A à Z et le ',
    'plan du site',
    '.',
  ],
};
export type Navigateur = { [K in keyof typeof NAVIGATEUR_FR]: (typeof NAVIGATEUR_FR)[K] extends string[] ? string[] : string };

const fr = {
  titre: 'Rechercher',
  description: 'Rechercher sur le site, ou parcourir l’index de A à Z.',
  bouton: 'Rechercher',
  formulaire: 'Recherche, page de résultats',
  /** The header's box and the phone menu's link. */
  entete: 'Rechercher sur le site',
  /** Shown without JavaScript (the French page words it with its A–Z index: Recherche.astro). */
  sansJs: 'La recherche a besoin de JavaScript. Sans JavaScript, tout le site reste accessible par les liens ci-dessous.',
  aide: {
    titre: 'Trouver autrement',
    urgence: 'En danger ou besoin d’aide tout de suite :',
    pageAide: 'Qui appeler, et comment demander de l’aide sans danger',
    planDuSite: 'Toutes les pages du site',
  },
  navigateur: NAVIGATEUR_FR,
};
export type TextesRecherche = typeof fr;

const en: TextesRecherche = {
  titre: 'Search',
  description: 'Search this site’s pages in English.',
  bouton: 'Search',
  formulaire: 'Search, results page',
  entete: 'Search the site',
  sansJs: 'Search needs JavaScript. Without it, use the links below: who to call, and every page of the site (in French).',
  aide: {
    titre: 'Other ways to find help',
    urgence: 'In danger or need help right now:',
    pageAide: 'Who to call, and how to ask for help safely',
    planDuSite: 'Every page of the site (in French)',
  },
  navigateur: {
    aucun: 'No results{pour}{avec}.',
    resultats: ['{n} result{pour}{avec}.', '{n} results{pour}{avec}.'],
    corrige: ['{n} result for “{cherche}” (you typed “{q}”){avec}.', '{n} results for “{cherche}” (you typed “{q}”){avec}.'],
    partiel: [
      'No page has all these words. {n} result with some of the words{pour}{avec}.',
      'No page has all these words. {n} results with some of the words{pour}{avec}.',
    ],
    pour: ' for “{q}”',
    avec: ' with these filters',
    plus: ['Show {n} more result', 'Show {n} more results'],
    rien: 'Check the spelling or try another word. Other ways to find help:',
    titreResultats: 'Search results',
    aussi: 'Also called: ',
    session: 'Next session: ',
    erreur: 'Search could not load. Try again, or use the links below.',
    trouverAutrement: 'Other ways to find help',
    besoinAide: 'Need help right now?',
    note: ['Results appear as you type. You can also use the links below, or ', 'every page of the site (in French)', '.'],
  },
};

// Right to left: what was typed is isolated (U+2068 … U+2069), so a Latin word or a number in it keeps its order.
const ar: TextesRecherche = {
  titre: 'البحث',
  description: 'ابحث في صفحات الموقع باللغة العربية.',
  bouton: 'بحث',
  formulaire: 'البحث، صفحة النتائج',
  entete: 'البحث في الموقع',
  sansJs: 'يحتاج البحث إلى JavaScript. بدونه، استخدم الروابط أدناه: بمن تتصل، وكل صفحات الموقع (بالفرنسية).',
  aide: {
    titre: 'طرق أخرى للعثور على المساعدة',
    urgence: 'في خطر أو تحتاج إلى مساعدة الآن:',
    pageAide: 'بمن تتصل، وكيف تطلب المساعدة دون خطر',
    planDuSite: 'كل صفحات الموقع (بالفرنسية)',
  },
  navigateur: {
    aucun: 'لا توجد نتائج{pour}{avec}.',
    resultats: ['عدد النتائج{pour}{avec}: {n}.', 'عدد النتائج{pour}{avec}: {n}.'],
    corrige: [
      'عدد النتائج عن «\u2068{cherche}\u2069» (كتبت «\u2068{q}\u2069»){avec}: {n}.',
      'عدد النتائج عن «\u2068{cherche}\u2069» (كتبت «\u2068{q}\u2069»){avec}: {n}.',
    ],
    partiel: [
      'لا توجد صفحة تحتوي على كل هذه الكلمات. عدد النتائج ببعض الكلمات{pour}{avec}: {n}.',
      'لا توجد صفحة تحتوي على كل هذه الكلمات. عدد النتائج ببعض الكلمات{pour}{avec}: {n}.',
    ],
    pour: ' عن «\u2068{q}\u2069»',
    avec: ' بهذه المرشحات',
    plus: ['عرض المزيد من النتائج ({n})', 'عرض المزيد من النتائج ({n})'],
    rien: 'تحقق من الإملاء أو جرّب كلمة أخرى. طرق أخرى للعثور على المساعدة:',
    titreResultats: 'نتائج البحث',
    aussi: 'يسمى أيضًا: ',
    session: 'الدورة القادمة: ',
    erreur: 'تعذّر تحميل البحث. حاول مرة أخرى، أو استخدم الروابط أدناه.',
    trouverAutrement: 'طرق أخرى للعثور على المساعدة',
    besoinAide: 'هل تحتاج إلى مساعدة الآن؟',
    note: ['تظهر النتائج أثناء الكتابة. يمكنك أيضًا استخدام الروابط أدناه، أو ', 'كل صفحات الموقع (بالفرنسية)', '.'],
  },
};

const uk: TextesRecherche = {
  titre: 'Пошук',
  description: 'Пошук сторінками сайту українською.',
  bouton: 'Шукати',
  formulaire: 'Пошук, сторінка результатів',
  entete: 'Пошук на сайті',
  sansJs:
    'Для пошуку потрібен JavaScript. Без нього скористайтеся посиланнями нижче: куди дзвонити і всі сторінки сайту (французькою).',
  aide: {
    titre: 'Інші способи знайти допомогу',
    urgence: 'У небезпеці або потрібна допомога негайно:',
    pageAide: 'Куди дзвонити і як безпечно попросити допомоги',
    planDuSite: 'Усі сторінки сайту (французькою)',
  },
  navigateur: {
    aucun: 'Нічого не знайдено{pour}{avec}.',
    resultats: ['Знайдено результатів{pour}{avec}: {n}.', 'Знайдено результатів{pour}{avec}: {n}.'],
    corrige: [
      'Знайдено результатів за запитом «{cherche}» (ви написали «{q}»){avec}: {n}.',
      'Знайдено результатів за запитом «{cherche}» (ви написали «{q}»){avec}: {n}.',
    ],
    partiel: [
      'Жодна сторінка не містить усіх цих слів. Результатів із частиною слів{pour}{avec}: {n}.',
      'Жодна сторінка не містить усіх цих слів. Результатів із частиною слів{pour}{avec}: {n}.',
    ],
    pour: ' за запитом «{q}»',
    avec: ' з цими фільтрами',
    plus: ['Показати ще ({n})', 'Показати ще ({n})'],
    rien: 'Перевірте написання або спробуйте інше слово. Інші способи знайти допомогу:',
    titreResultats: 'Результати пошуку',
    aussi: 'Також називається: ',
    session: 'Наступна сесія: ',
    erreur: 'Не вдалося завантажити пошук. Спробуйте ще раз або скористайтеся посиланнями нижче.',
    trouverAutrement: 'Інші способи знайти допомогу',
    besoinAide: 'Потрібна допомога негайно?',
    note: [
      'Результати з’являються, поки ви друкуєте. Також можна скористатися посиланнями нижче або ',
      'усіма сторінками сайту (французькою)',
      '.',
    ],
  },
};

const prs: TextesRecherche = {
  titre: 'جستجو',
  description: 'جستجو در صفحه‌های سایت به زبان دری.',
  bouton: 'جستجو',
  formulaire: 'جستجو، صفحهٔ نتایج',
  entete: 'جستجو در سایت',
  sansJs:
    'جستجو به JavaScript نیاز دارد. بدون آن، از لینک‌های پایین استفاده کنید: به چه کسی زنگ بزنید، و همهٔ صفحه‌های سایت (به فرانسوی).',
  aide: {
    titre: 'راه‌های دیگر برای یافتن کمک',
    urgence: 'در خطر هستید یا همین حالا به کمک نیاز دارید:',
    pageAide: 'به چه کسی زنگ بزنید، و چگونه بدون خطر کمک بخواهید',
    planDuSite: 'همهٔ صفحه‌های سایت (به فرانسوی)',
  },
  navigateur: {
    aucun: 'نتیجه‌ای پیدا نشد{pour}{avec}.',
    resultats: ['تعداد نتایج{pour}{avec}: {n}.', 'تعداد نتایج{pour}{avec}: {n}.'],
    corrige: [
      'تعداد نتایج برای «\u2068{cherche}\u2069» (شما نوشتید «\u2068{q}\u2069»){avec}: {n}.',
      'تعداد نتایج برای «\u2068{cherche}\u2069» (شما نوشتید «\u2068{q}\u2069»){avec}: {n}.',
    ],
    partiel: [
      'هیچ صفحه‌ای همهٔ این کلمه‌ها را ندارد. تعداد نتایج با بخشی از کلمه‌ها{pour}{avec}: {n}.',
      'هیچ صفحه‌ای همهٔ این کلمه‌ها را ندارد. تعداد نتایج با بخشی از کلمه‌ها{pour}{avec}: {n}.',
    ],
    pour: ' برای «\u2068{q}\u2069»',
    avec: ' با این فیلترها',
    plus: ['نتایج بیشتر ({n})', 'نتایج بیشتر ({n})'],
    rien: 'املا را بررسی کنید یا کلمهٔ دیگری را امتحان کنید. راه‌های دیگر برای یافتن کمک:',
    titreResultats: 'نتایج جستجو',
    aussi: 'نام دیگر: ',
    session: 'دورهٔ بعدی: ',
    erreur: 'جستجو بارگذاری نشد. دوباره امتحان کنید، یا از لینک‌های پایین استفاده کنید.',
    trouverAutrement: 'راه‌های دیگر برای یافتن کمک',
    besoinAide: 'همین حالا به کمک نیاز دارید؟',
    note: [
      'نتایج هنگام نوشتن نشان داده می‌شوند. می‌توانید از لینک‌های پایین هم استفاده کنید، یا از ',
      'همهٔ صفحه‌های سایت (به فرانسوی)',
      '.',
    ],
  },
};

const es: TextesRecherche = {
  titre: 'Buscar',
  description: 'Buscar en las páginas del sitio en español.',
  bouton: 'Buscar',
  formulaire: 'Búsqueda, página de resultados',
  entete: 'Buscar en el sitio',
  sansJs:
    'La búsqueda necesita JavaScript. Sin él, use los enlaces de abajo: a quién llamar y todas las páginas del sitio (en francés).',
  aide: {
    titre: 'Otras formas de encontrar ayuda',
    urgence: 'En peligro o necesita ayuda ahora mismo:',
    pageAide: 'A quién llamar y cómo pedir ayuda sin peligro',
    planDuSite: 'Todas las páginas del sitio (en francés)',
  },
  navigateur: {
    aucun: 'Ningún resultado{pour}{avec}.',
    resultats: ['{n} resultado{pour}{avec}.', '{n} resultados{pour}{avec}.'],
    corrige: [
      '{n} resultado para «{cherche}» (usted escribió «{q}»){avec}.',
      '{n} resultados para «{cherche}» (usted escribió «{q}»){avec}.',
    ],
    partiel: [
      'Ninguna página contiene todas estas palabras. {n} resultado con parte de las palabras{pour}{avec}.',
      'Ninguna página contiene todas estas palabras. {n} resultados con parte de las palabras{pour}{avec}.',
    ],
    pour: ' para «{q}»',
    avec: ' con estos filtros',
    plus: ['Mostrar {n} resultado más', 'Mostrar {n} resultados más'],
    rien: 'Revise la ortografía o pruebe otra palabra. Otras formas de encontrar ayuda:',
    titreResultats: 'Resultados de la búsqueda',
    aussi: 'También llamado: ',
    session: 'Próxima sesión: ',
    erreur: 'La búsqueda no pudo cargarse. Inténtelo de nuevo o use los enlaces de abajo.',
    trouverAutrement: 'Otras formas de encontrar ayuda',
    besoinAide: '¿Necesita ayuda ahora mismo?',
    note: [
      'Los resultados aparecen mientras escribe. También puede usar los enlaces de abajo o ',
      'todas las páginas del sitio (en francés)',
      '.',
    ],
  },
};

const pt: TextesRecherche = {
  titre: 'Pesquisar',
  description: 'Pesquisar nas páginas do site em português.',
  bouton: 'Pesquisar',
  formulaire: 'Pesquisa, página de resultados',
  entete: 'Pesquisar no site',
  sansJs:
    'A pesquisa precisa de JavaScript. Sem ele, use as ligações abaixo: para quem ligar e todas as páginas do site (em francês).',
  aide: {
    titre: 'Outras formas de encontrar ajuda',
    urgence: 'Em perigo ou precisa de ajuda agora:',
    pageAide: 'Para quem ligar e como pedir ajuda sem perigo',
    planDuSite: 'Todas as páginas do site (em francês)',
  },
  navigateur: {
    aucun: 'Nenhum resultado{pour}{avec}.',
    resultats: ['{n} resultado{pour}{avec}.', '{n} resultados{pour}{avec}.'],
    corrige: [
      '{n} resultado para «{cherche}» (escreveu «{q}»){avec}.',
      '{n} resultados para «{cherche}» (escreveu «{q}»){avec}.',
    ],
    partiel: [
      'Nenhuma página contém todas estas palavras. {n} resultado com parte das palavras{pour}{avec}.',
      'Nenhuma página contém todas estas palavras. {n} resultados com parte das palavras{pour}{avec}.',
    ],
    pour: ' para «{q}»',
    avec: ' com estes filtros',
    plus: ['Mostrar mais {n} resultado', 'Mostrar mais {n} resultados'],
    rien: 'Verifique a ortografia ou tente outra palavra. Outras formas de encontrar ajuda:',
    titreResultats: 'Resultados da pesquisa',
    aussi: 'Também chamado: ',
    session: 'Próxima sessão: ',
    erreur: 'Não foi possível carregar a pesquisa. Tente de novo ou use as ligações abaixo.',
    trouverAutrement: 'Outras formas de encontrar ajuda',
    besoinAide: 'Precisa de ajuda agora?',
    note: [
      'Os resultados aparecem enquanto escreve. Também pode usar as ligações abaixo ou ',
      'todas as páginas do site (em francês)',
      '.',
    ],
  },
};

export const RECHERCHE: Record<Code, TextesRecherche> = { fr, en, ar, uk, prs, es, pt };
