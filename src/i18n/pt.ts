/** Build: the interface's words in Portuguese (draft translation, not yet proofread: content/traductions/). */
import type { Catalogue } from './fr.ts';

export const pt: Catalogue = {
  lienEvitement: 'Ir para o conteúdo',
  sortieRapide: {
    lien: 'Sair deste site',
    aide: 'Abre um site de meteorologia.',
    clavier: ' Ou carregue 3 vezes na tecla Shift (⇧).',
  },
  urgences: {
    titre: 'Urgência:',
    tous: 'Todos os números',
    sms: 'SMS',
    appeler: 'Ligar para o {numero}',
    envoyerSms: 'SMS para o {numero}',
    numeros: {
      '3919': {
        nom: 'Violences Femmes Info, linha para mulheres vítimas de violência',
        detail: 'gratuito, anónimo, 24 horas por dia, 7 dias por semana, não aparece na fatura',
      },
      '115': { nom: 'Samu social, alojamento de emergência', detail: 'gratuito, 24 horas por dia' },
      '17': { nom: 'Polícia', detail: 'perigo imediato' },
      '112': { nom: 'Número de emergência europeu', detail: 'de qualquer telefone' },
      '114': {
        nom: 'Urgência por SMS',
        detail: 'para pessoas surdas ou com dificuldades auditivas, ou que não podem falar sem perigo',
      },
      '119': { nom: 'Allô enfance en danger, crianças em perigo', detail: 'gratuito, 24 horas por dia' },
    },
  },
  noteSecurite: {
    titre: 'A sua segurança na internet',
    points: [
      'O botão «Sair deste site», no topo de cada página, leva-a imediatamente para um site de meteorologia. O botão Voltar não regressa a esta página, nem às páginas deste tipo que abriu depois. Num computador, carregar três vezes na tecla Shift (⇧) faz o mesmo.',
      'No histórico do navegador, a página em francês sobre o lugar para mulheres vítimas de violência e o seu formulário chamam-se «Informations pratiques», com um endereço que não diz do que tratam. Com JavaScript, uma pesquisa feita neste site não deixa lá as palavras pesquisadas.',
      'Sem JavaScript, o botão Voltar pode regressar aqui, e as palavras pesquisadas ficam escritas no endereço da página de resultados. Em todos os casos, os outros separadores abertos neste site continuam abertos, e o site que a enviou para aqui (um motor de pesquisa, por exemplo) guarda o seu próprio registo.',
      'O seu navegador guarda sempre a lista das páginas visitadas (o histórico). Se alguém pode ver o seu telemóvel ou computador, use a navegação privada, ou apague o histórico.',
      'Um computador público, por exemplo numa biblioteca, pode ser mais seguro.',
    ],
    danger: ['Em perigo imediato: ligue para o ', ', ou envie um SMS para o ', ' se não puder falar.'],
  },
  entete: {
    menu: 'Menu',
    menuSite: 'Menu do site',
    menuPrincipal: 'Menu principal',
    accueil: 'Início',
    aide: 'Preciso de ajuda',
    siteFrancais: 'Todas as páginas, em francês',
  },
  pied: {
    navigation: 'Rodapé',
    planDuSite: 'Mapa do site',
    accessibilite: 'Acessibilidade',
    statuts: {
      'totalement conforme': 'totalmente conforme',
      'partiellement conforme': 'parcialmente conforme',
      'non conforme': 'não conforme',
    },
    mentionsLegales: 'Informações legais',
    donnees: 'Dados pessoais',
    enFrancais: '(em francês)',
    cookies: 'Este site não instala cookies e não usa nenhum serviço externo.',
  },
  langues: { navigation: 'Línguas' },
  traduction: {
    brouillon: 'Tradução provisória: ainda não foi revista. Em caso de dúvida, vale a versão em francês.',
    versionFrancaise: 'Ler esta página em francês',
  },
  nonTraduit: {
    titre: 'As outras páginas estão em francês',
    texte: 'Por agora, as outras páginas deste site existem apenas em francês.',
    planDuSite: 'Todas as páginas do site (em francês)',
  },
};
