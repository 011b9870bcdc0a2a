/** Build and server: the forms' words in Portuguese (draft translation, not yet proofread). */
import type { FormulairesEnLangue } from './types.ts';

const SAFETY =
  'O navegador não memoriza as suas respostas, mas o histórico guarda o rasto das páginas visitadas. A navegação privada ou um computador de biblioteca podem ser mais seguros.';
const OPTIONAL = 'Todos os campos são obrigatórios, exceto os marcados «facultativo».';
const MOMENTS = {
  hint: 'Assinale todos os momentos que lhe convêm.',
  options: {
    matin: { label: 'De manhã (9h – 12h)' },
    midi: { label: 'À hora de almoço (12h – 14h)' },
    'apres-midi': { label: 'À tarde (14h – 17h)' },
    soir: { label: 'Ao fim do dia (17h – 19h)' },
  },
};
const MESSAGE_AUTORISE = {
  label: 'Podemos deixar uma mensagem se não atender?',
  hint: 'Uma mensagem de voz ou um SMS pode ser visto por outra pessoa.',
  options: { non: { label: 'Não, não deixem mensagem' }, oui: { label: 'Sim, podem deixar uma mensagem' } },
};
const parts = { jour: 'o dia', mois: 'o mês', annee: 'o ano' } as const;

export const pt: FormulairesEnLangue = {
  statut: 'brouillon',
  messages: {
    required: (label) => `Preencha o campo «${label}»`,
    chooseOne: (label) => `Escolha uma resposta: «${label}»`,
    tickOne: (label) => `Assinale pelo menos uma opção: «${label}»`,
    missingHidden: (label) => `Falta uma informação: «${label}». Volte à página anterior e tente de novo.`,
    textExpected: (label) => `«${label}»: espera-se uma resposta escrita`,
    tooLong: (label, max, count) => `«${label}»: no máximo ${max} caracteres (há ${count})`,
    email: 'Escreva um endereço de e-mail completo, por exemplo nome.apelido@exemplo.pt',
    telDigits: 'Escreva um número de telefone só com algarismos, por exemplo 06 12 34 56 78',
    telDialable:
      'Escreva um número que se possa marcar: 10 algarismos para um número francês, por exemplo 06 12 34 56 78, ou o número com o indicativo do país, por exemplo +351 912 345 678',
    dateExpected: (label) => `«${label}»: espera-se uma data (dia, mês, ano)`,
    dateFormat: 'Escreva a data como dia, mês, ano, por exemplo 15/03/2010',
    dateNotReal: 'Esta data não existe: verifique o dia e o mês',
    oneAnswer: (label) => `«${label}»: espera-se uma só resposta`,
    listExpected: (label) => `«${label}»: espera-se uma lista de opções`,
    eachOnce: (label) => `«${label}»: cada opção uma só vez`,
    unavailable: (label, disabled) =>
      `«${label}»: escolha entre as respostas propostas.${disabled.length ? ` Algumas opções já não são possíveis (${disabled.join('; ')}).` : ''}`,
    sentTwice: (label) => `«${label}» foi enviado várias vezes: espera-se uma só resposta`,
    illegible: 'Este texto contém um carácter ilegível. Escreva-o de novo sem copiar e colar.',
    control: 'Este texto contém um carácter de controlo invisível. Escreva-o de novo sem copiar e colar.',
    oneLine: 'Escreva esta resposta numa só linha.',
    dateMissing: (label, missing) => `«${label}»: indique ${missing.map((p) => parts[p]).join(' e ')}`,
    dateYear: (label) => `«${label}»: o ano escreve-se com 4 algarismos, por exemplo 2004`,
    dateMonth: (label) => `«${label}»: o mês é um número de 1 a 12`,
    dateDay: (label) => `«${label}»: o dia é um número de 1 a 31`,
    problem: 'Há um problema',
    errorPrefix: 'Erro: ',
    optional: 'facultativo',
    choose: 'Escolha',
    unavailablePrefix: 'Indisponível: ',
    dateParts: { jour: 'Dia', mois: 'Mês', annee: 'Ano' },
    honeypot: 'Não preencha este campo',
    network:
      'O envio não foi concluído (ligação interrompida?). As suas respostas continuam aqui: tente de novo dentro de momentos.',
    empty: 'O formulário está vazio: preencha pelo menos os campos obrigatórios.',
    storeDown:
      'O seu envio não pôde ser guardado por causa de um problema do nosso lado. Nada do que escreveu se perdeu: tente de novo dentro de alguns minutos.',
    tooOften: (minutes) =>
      `Demasiados envios deste formulário a partir da sua ligação. Tente de novo dentro de ${minutes} minuto${minutes > 1 ? 's' : ''}.`,
    closed: 'Este formulário está fechado por agora. Volte mais tarde ou escreva à equipa pela página de contacto.',
    closedTitle: 'Este formulário está fechado',
    registrationsClosed: 'Inscrições fechadas',
    unknownField: (name) => `Este formulário não tem o campo «${name}»: recarregue a página e envie o formulário de novo.`,
    backToForm: (title) => `Voltar ao formulário «${title}»`,
    backToPage: 'Voltar à página',
    home: 'Voltar à página inicial',
    helpNow: 'Precisa de ajuda agora: todos os números gratuitos',
    typedTitle: 'O que tinha escrito',
    typedText: 'Nada foi guardado nem enviado. Se quiser guardar o seu texto, copie-o antes de sair desta página.',
    otherLanguages: 'Este formulário noutra língua:',
    notInServiceTitle: 'Este formulário ainda não está em funcionamento',
    notInServiceText: 'O que escrevesse aqui não seria lido por ninguém por agora: não pode ser enviado.',
    freeNumbers: 'Para ter ajuda agora, estes números são gratuitos:',
    allNumbers: 'Todos os números e as outras formas de obter ajuda',
    numbersToday: 'Números gratuitos que atendem hoje:',
    helpPage: 'Página «Preciso de ajuda»: todos os números e as outras formas de obter ajuda',
    sms: 'SMS\u00a0para\u00a0o\u00a0',
    demonstration: 'Versão de demonstração.',
    demonstrationForm: 'Este formulário funciona, mas ninguém lê o que envia aqui. Para ter ajuda real, veja a página',
    demonstrationThanks:
      'O seu envio ficou guardado neste servidor de teste, mas ninguém o lê e ninguém lhe vai responder. Para ter ajuda real, veja a página',
    helpLink: 'Preciso de ajuda',
  },
  formulaires: {
    'demande-aide': {
      title: 'Pedir ajuda',
      description: 'Pedir ajuda à Fabrique rennaise des solidarités, escolhendo como ser contactado sem risco.',
      intro: [
        'Em caso de perigo imediato, ligue para o 17 ou envie um SMS para o 114.',
        'Diga-nos o que precisa e como contactá-lo sem risco. Não é obrigado a dar o seu nome.',
        SAFETY,
        OPTIONAL,
      ],
      submitLabel: 'Enviar o meu pedido',
      champs: {
        sujet: {
          label: 'O seu pedido diz respeito a',
          options: {
            hebergement: { label: 'Um alojamento, uma habitação' },
            alimentation: { label: 'Alimentação' },
            droits: { label: 'Procedimentos, papéis, direitos' },
            handicap: { label: 'Deficiência' },
            violences: { label: 'Violência' },
            sante: { label: 'Saúde' },
            autre: { label: 'Outra coisa' },
          },
        },
        message: { label: 'O seu pedido', hint: 'Escreva o que quiser: algumas palavras bastam.' },
        prenom: { label: 'Nome próprio ou pseudónimo', hint: 'Como o chamar quando lhe respondermos.' },
        canal: {
          label: 'Como lhe podemos responder sem risco?',
          options: { telephone: { label: 'Por telefone' }, sms: { label: 'Por SMS' }, email: { label: 'Por e-mail' } },
        },
        telephone: { label: 'Número de telefone', hint: 'Se escolheu telefone ou SMS: um número que só você atende.' },
        email: { label: 'Endereço de e-mail', hint: 'Se escolheu o e-mail: um endereço que só você lê.' },
        moments: { label: 'Quando o podemos contactar sem risco?', ...MOMENTS },
        message_autorise: MESSAGE_AUTORISE,
      },
      regles: {
        telephone: 'Escolheu ser contactado por telefone ou SMS: indique um número seguro',
        email: 'Escolheu ser contactado por e-mail: indique um endereço seguro',
      },
      thanks: {
        title: 'O seu pedido foi enviado',
        paragraphs: [
          'Obrigado. Responderemos da forma e nos momentos que escolheu.',
          'Em caso de perigo imediato, ligue para o 17 ou envie um SMS para o 114. Violences Femmes Info: 3919, gratuito e anónimo, 24h/24 (em francês).',
        ],
      },
    },
    'femmes-rappel': {
      title: 'Pedir que me liguem',
      titreHistorique: 'Informações práticas',
      description:
        'O espaço de recursos para mulheres vítimas de violência ainda não está aberto: ainda ninguém liga de volta. Os números que atendem hoje.',
      intro: [
        'Em caso de perigo imediato, ligue para o 17 ou envie um SMS para o 114. O 3919 (Violences Femmes Info) é gratuito, anónimo e não aparece na fatura.',
        'Quando o espaço de recursos abrir, este formulário permitirá deixar um número seguro e os momentos em que pode falar. Só serão pedidos o número e os momentos.',
        SAFETY,
      ],
      submitLabel: 'Pedir que me liguem',
      champs: {
        telephone: { label: 'Um número onde a possamos contactar sem risco', hint: 'Um número que só você atende.' },
        moments: { label: 'Quando lhe podemos ligar sem risco?', ...MOMENTS },
        message_autorise: MESSAGE_AUTORISE,
        prenom: { label: 'Nome próprio ou nome emprestado', hint: 'Para sabermos por quem perguntar ao telefone.' },
      },
      pasEncoreOuvert:
        'O espaço de recursos para mulheres vítimas de violência é um projeto: ainda não está aberto e nenhuma equipa lhe pode ligar de volta. Por isso este formulário não recolhe nenhum pedido. Hoje, pode ligar para o 3919 (Violences Femmes Info, gratuito, anónimo, 24h/24, não aparece na fatura), para o 17 ou o 112 em caso de perigo imediato, ou enviar um SMS para o 114 se não puder falar.',
      thanks: {
        title: 'Informações',
        paragraphs: [
          'O espaço de recursos ainda não está aberto: por agora nenhuma equipa liga de volta, e este site não a vai contactar.',
          'Em caso de perigo imediato: 17 ou 112, ou SMS para o 114. Violences Femmes Info: 3919, gratuito, anónimo, 24h/24.',
          'Todas as ajudas: página «Preciso de ajuda» (/pt/aide/).',
        ],
      },
    },
    contact: {
      title: 'Escrever à Fabrique',
      description: 'Fazer uma pergunta à equipa do site da Fabrique rennaise des solidarités ou assinalar um problema no site.',
      intro: [
        'Uma pergunta, uma dificuldade em usar este site, um conteúdo que não consegue ler? Escreva-nos: a equipa responde por e-mail.',
        'Para pedir ajuda para si ou para alguém próximo, use antes o pedido de ajuda: lá escolhe como e quando ser contactado sem perigo.',
        OPTIONAL,
      ],
      submitLabel: 'Enviar a minha mensagem',
      champs: {
        prenom: { label: 'Nome próprio' },
        nom: { label: 'Apelido' },
        email: { label: 'Endereço de e-mail', hint: 'Usamo-lo só para lhe responder.' },
        sujet: {
          label: 'A sua mensagem diz respeito a',
          options: {
            question: { label: 'Uma pergunta sobre um programa' },
            accessibilite: { label: 'Um problema de acessibilidade do site' },
            erreur: { label: 'Um erro numa informação' },
            autre: { label: 'Outra coisa' },
          },
        },
        message: { label: 'A sua mensagem', hint: 'Para um problema no site: a página em causa e o que o incomodou.' },
      },
      thanks: {
        title: 'Obrigado pela sua mensagem',
        paragraphs: ['A equipa do site lê a sua mensagem e responde-lhe por e-mail.'],
      },
    },
    e2c: {
      title: 'Estar a par do projeto de Escola da Segunda Oportunidade',
      description:
        'Dizer o seu interesse pelo projeto de Escola da Segunda Oportunidade em Rennes (menos de 26 anos, sem diploma): a escola ainda não está aberta.',
      intro: [
        'A Escola da Segunda Oportunidade de Rennes é um projeto: ainda não está aberta e este formulário não é uma candidatura. Diga-nos que lhe interessa: a sua mensagem será lida quando houver uma equipa para este projeto.',
        'O programa prevê-a para jovens com menos de 26 anos que saíram da escola sem diploma nem qualificação.',
        'Tem 26 anos ou mais? O programa prevê esta escola para menores de 26 anos, e essa é também a regra da Réseau E2C France. As fontes deste site não citam nenhum percurso para quem tem 26 anos ou mais: faça a sua pergunta pelo formulário de contacto (/pt/formulaires/contact/) ou veja a página «Preciso de ajuda» (/pt/aide/). Também nos pode escrever aqui, em qualquer idade.',
        'Para lhe respondermos, deixe um endereço de e-mail ou um número de telefone: pelo menos um dos dois. Os outros campos sem «(facultativo)» são obrigatórios.',
      ],
      submitLabel: 'Enviar',
      champs: {
        prenom: { label: 'Nome próprio' },
        nom: { label: 'Apelido' },
        naissance: {
          label: 'Data de nascimento',
          hint: 'Por exemplo: 27 3 2007.',
          tooEarly: 'Esta data de nascimento é demasiado antiga: verifique o ano',
          tooLate: 'A data de nascimento não pode estar no futuro',
          ageNote:
            'Segundo esta data, tem 26 anos ou mais: a escola prevista é para menores de 26 anos. Mesmo assim pode enviar este formulário. Para outra via, faça a sua pergunta pelo formulário de contacto (/pt/formulaires/contact/).',
        },
        diplome: {
          label: 'O seu diploma mais alto',
          options: {
            aucun: { label: 'Nenhum diploma' },
            brevet: { label: 'Brevet des collèges (fim do 3.º ciclo)' },
            'cap-bep-non-obtenu': { label: 'CAP ou BEP começado, não obtido' },
            'cap-bep': { label: 'CAP ou BEP obtido' },
            bac: { label: 'Baccalauréat ou mais' },
          },
        },
        email: {
          label: 'Endereço de e-mail',
          hint: 'Usamo-lo só para lhe responder.',
          optionalNote: 'ou um telefone: pelo menos um dos dois',
        },
        telephone: { label: 'Número de telefone', optionalNote: 'ou um e-mail: pelo menos um dos dois' },
        message: { label: 'O seu projeto, as suas perguntas' },
      },
      regles: {
        naissance:
          'Segundo esta data, tem menos de 16 anos: as Escolas da Segunda Oportunidade acolhem a partir dos 16 anos. A página «Preciso de ajuda» (/pt/aide/) diz onde perguntar.',
        email: 'Indique um endereço de e-mail ou um número de telefone (pelo menos um dos dois), para lhe podermos responder',
      },
      thanks: {
        title: 'Obrigado, o seu interesse ficou registado',
        paragraphs: [
          'A Escola da Segunda Oportunidade de Rennes ainda não está aberta: esta mensagem não é uma candidatura.',
          'A sua mensagem será lida quando houver uma equipa para este projeto; as notícias chegarão então por e-mail ou por telefone, conforme o que deixou.',
          'Para ter ajuda agora: página «Preciso de ajuda» (/pt/aide/).',
        ],
      },
      autresMerci: {
        '/formulaires/e2c/merci/26-ans/': {
          title: 'Obrigado, a sua mensagem ficou registada',
          paragraphs: [
            'A Escola da Segunda Oportunidade de Rennes ainda não está aberta: esta mensagem não é uma candidatura.',
            'Segundo a sua data de nascimento, tem 26 anos ou mais. O programa prevê esta escola para menores de 26 anos, e essa é também a regra da Réseau E2C France. A sua mensagem é guardada como as outras e será lida quando houver uma equipa para este projeto.',
            'As fontes deste site ainda não citam nenhum percurso para quem tem 26 anos ou mais. Para fazer a sua pergunta: formulário de contacto (/pt/formulaires/contact/). Para ter ajuda agora: página «Preciso de ajuda» (/pt/aide/).',
          ],
        },
      },
    },
    agir: {
      title: 'Agir com a Fabrique',
      description: 'Oferecer a sua ajuda à Fabrique rennaise des solidarités: áreas, disponibilidade.',
      intro: [
        'A Fabrique é uma proposta do programa: um lugar para os moradores que querem agir contra a exclusão, com as pessoas que vivem na rua e as associações já presentes. Ainda não existe. Diga-nos o que gostaria de fazer: a sua proposta será lida quando houver uma equipa.',
        OPTIONAL,
      ],
      submitLabel: 'Oferecer a minha ajuda',
      champs: {
        prenom: { label: 'Nome próprio' },
        nom: { label: 'Apelido' },
        email: { label: 'Endereço de e-mail', hint: 'Usamo-lo só para lhe responder.' },
        telephone: { label: 'Número de telefone' },
        quartier: { label: 'O seu bairro', hint: 'Para lhe propormos ações perto de casa.' },
        domaines: {
          label: 'O que gostaria de fazer',
          hint: 'Assinale uma ou várias opções.',
          options: {
            accueil: { label: 'Acolher as pessoas na Fabrique' },
            rue: { label: 'Ir ao encontro das pessoas que vivem na rua' },
            repas: { label: 'Preparar ou servir refeições' },
            accompagnement: { label: 'Acompanhar nos procedimentos' },
            loisirs: { label: 'Animar atividades de lazer partilhadas' },
            langues: { label: 'Traduzir ou interpretar' },
            autre: { label: 'Outra coisa (diga-o na sua mensagem)' },
          },
        },
        disponibilites: {
          label: 'Quando está disponível?',
          options: {
            'semaine-journee': { label: 'Durante a semana, de dia' },
            'semaine-soir': { label: 'Durante a semana, à noite' },
            'week-end': { label: 'Ao fim de semana' },
            ponctuel: { label: 'De vez em quando, para um evento' },
          },
        },
        message: { label: 'A sua mensagem', hint: 'O que sabe fazer, as suas perguntas.' },
      },
      thanks: {
        title: 'Obrigado pela sua proposta',
        paragraphs: [
          'A sua proposta ficou registada. A Fabrique é uma proposta do programa: a sua equipa ainda não existe, e a sua proposta será lida quando existir.',
        ],
      },
    },
    'candidature-referent': {
      title: 'Ser referente de deficiência e inclusão',
      description: 'Apresentar a sua candidatura como referente de deficiência e inclusão (référent) do seu bairro.',
      intro: [
        'O programa propõe um referente de deficiência e inclusão em cada bairro, para acolher os moradores, ouvi-los e orientá-los. Pode ser o pai ou a mãe de uma criança com deficiência ou um adulto com deficiência.',
        OPTIONAL,
      ],
      submitLabel: 'Enviar a minha candidatura',
      champs: {
        quartier: { label: 'O bairro onde deseja ser referente' },
        prenom: { label: 'Nome próprio' },
        nom: { label: 'Apelido' },
        email: { label: 'Endereço de e-mail', hint: 'Usamo-lo só para lhe responder.' },
        telephone: { label: 'Número de telefone' },
        profil: {
          label: 'Você é',
          options: {
            'parent-enfant-handicape': { label: 'Pai ou mãe de uma criança com deficiência' },
            'adulte-en-situation-de-handicap': { label: 'Adulto com deficiência' },
            autre: { label: 'Outra situação (explique na sua mensagem)' },
          },
        },
        langues: { label: 'Línguas que fala', hint: 'Por exemplo: francês, língua gestual francesa (LSF), português.' },
        motivation: {
          label: 'Porque deseja ser referente?',
          hint: 'Algumas frases bastam: a sua experiência, o que gostaria de fazer.',
          minLength: '«Porque deseja ser referente?»: diga-o numa ou duas frases (pelo menos 30 caracteres)',
        },
      },
      thanks: {
        title: 'A sua candidatura foi enviada',
        paragraphs: [
          'Obrigado, a sua candidatura ficou registada. Os referentes são uma proposta do programa: a sua candidatura será lida quando houver uma equipa para este projeto.',
        ],
      },
    },
  },
};
