// The conversation guide of the 120-minute mini focus group (Bijlage 3, "Gespreksgids WP2 — Klantperspectief"),
// for the moderators' preparation view. "Organisatie X" is the group's organisation.

export interface GuideSection {
  title: { nl: string; en: string };
  minutes: number;
  points: { nl: string[]; en: string[] };
}

export const CONVERSATION_GUIDE: GuideSection[] = [
  {
    title: { nl: 'Introductie', en: 'Introduction' },
    minutes: 5,
    points: {
      nl: [
        'Doel: van jou als klant horen wat belangrijk is in het contact met en de dienstverlening door organisatie X. We verzamelen leerpunten over dienstverlening en geven die terug aan de publieke sector.',
        'Wat gaan we doen: jullie hebben al laten weten welk contactmoment is bijgebleven. Daar praten we over, vooral over de manier van contact en wat daarbij belangrijk is.',
        'Ervaringen bij andere organisaties zijn ook welkom. Er is geen goed of fout.',
        'Opname, meekijk, anonimiteit.',
        'Regels: aanspreken met je/jij/voornaam akkoord? Elkaar uit laten praten. Gespreksleiders bewaken tijd en agenda en mogen onderbreken.',
        'Check: pen en papier, wat te eten en drinken?',
      ],
      en: [
        'Aim: hear from you as a customer what matters in the contact with and the services of organisation X. We collect lessons about services and give them back to the public sector.',
        'What we will do: you have told us which moment of contact stayed with you. We talk about it, especially about the way of contact and what matters to you.',
        'Experiences with other organisations are welcome too. There is no right or wrong.',
        'Recording, observers, anonymity.',
        'Rules: first names all right? Let each other finish. The moderators keep time and agenda and may interrupt.',
        'Check: pen and paper, something to eat and drink?',
      ],
    },
  },
  {
    title: { nl: 'Voorstelronde', en: 'Round of introductions' },
    minutes: 10,
    points: {
      nl: [
        'Wie ben je, wat doe je in het dagelijkse leven?',
        "Metafooropdracht: 'Wat betekent het gebruik van digitale middelen voor contact met organisaties en hun dienstverlening voor jou?' Ieder kiest een afbeelding en noteert waarom.",
        'Ieder vertelt kort en feitelijk over de laatste klantervaring (huiswerkopdracht): wat gedaan, waarom (aanleiding, doel), hoe.',
        "Een van de gespreksleiders noteert in de PPT 'Voor- en nadelen middelen' de genoemde voordelen, nadelen, triggers en drempels per middel.",
      ],
      en: [
        'Who are you, what do you do in daily life?',
        "Metaphor exercise: 'What does using digital means for contact with organisations and their services mean to you?' Everyone picks a picture and notes why.",
        'Everyone briefly describes the facts of their latest customer experience (homework): what, why (reason, goal), how.',
        "One moderator notes the advantages, disadvantages, triggers and barriers per channel in the 'Pros and cons of channels' slides.",
      ],
    },
  },
  {
    title: { nl: 'Kanaalkeuze (oriëntatie)', en: 'Choice of channel (orientation)' },
    minutes: 10,
    points: {
      nl: [
        'Wat gedaan, op welke manier?',
        'Waarom op deze manier (redenen kanaalkeuze, waar behoefte aan)?',
        'Overwegingen dit kanaal versus andere kanalen; doorslag uiteindelijke keuze.',
        'Kiest men altijd dit kanaal, of waren er omstandigheden om nu dit te kiezen?',
        'Verwachtingen van dit kanaal: wat maakt het geschikt?',
      ],
      en: [
        'What was done, and how?',
        'Why this way (reasons for the channel, what was needed)?',
        'Considerations for this channel versus others; what decided the final choice.',
        'Is this always the chosen channel, or were there circumstances this time?',
        'Expectations of this channel: what makes it suitable?',
      ],
    },
  },
  {
    title: { nl: 'Dienstverlening', en: 'The service' },
    minutes: 10,
    points: {
      nl: [
        'Ervaring: hoe ging het, wat gebeurde er?',
        'In hoeverre goed geholpen, tevreden? Kanaal passend?',
        'Verschillende kanalen gebruikt (hele klantreis)? Waarom?',
        "Ervaring herkend in een ander kanaal (niet te diep, komt terug bij 'persoonlijk').",
      ],
      en: [
        'Experience: how did it go, what happened?',
        'How well helped, how satisfied? Was the channel suitable?',
        'Several channels used (whole customer journey)? Why?',
        "Experience recognised in another channel (not too deep, returns under 'personal').",
      ],
    },
  },
  {
    title: { nl: 'Na de dienstverlening / contact achteraf', en: 'After the service / contact afterwards' },
    minutes: 5,
    points: {
      nl: [
        'Was er achteraf nog contact? Zo niet: was die wens er wel, met welk doel?',
        'Zo ja: op wiens initiatief, via welk kanaal, waarom dit kanaal (bij initiatief klant)?',
        'Hoe was deze ervaring (tevredenheid, gevoel, iets gemist)? Hoe kan het beter?',
      ],
      en: [
        'Was there contact afterwards? If not: was it wanted, and for what?',
        "If so: on whose initiative, through which channel, why this channel (if the customer's initiative)?",
        'How was this experience (satisfaction, feeling, anything missing)? How could it be better?',
      ],
    },
  },
  {
    title: { nl: 'Resumé kanalen', en: 'Channels summary' },
    minutes: 10,
    points: {
      nl: [
        'Voordelen per kanaal tonen (PPT) en laten aanvullen; triggers om voor online te kiezen.',
        'Nadelen per kanaal tonen en laten aanvullen; drempels om niet voor online te kiezen, echte frustraties.',
        'Wat mist men in het online kanaal? Wat kan beter of anders?',
        'Check termen die niet genoemd zijn: tijd, plaats, taal, vertrouwen, relevantie, complexiteit.',
      ],
      en: [
        'Show the advantages per channel (slides) and let them add; triggers to choose online.',
        'Show the disadvantages per channel and let them add; barriers to choosing online, real frustrations.',
        'What is missing online? What could be better or different?',
        'Check terms not yet mentioned: time, place, language, trust, relevance, complexity.',
      ],
    },
  },
  {
    title: { nl: 'Goede dienstverlening', en: 'Good service' },
    minutes: 5,
    points: {
      nl: [
        'Doel: benoemt men aspecten die linken aan persoonlijk?',
        'Wat moet de organisatie doen om de dienstverlening voor jou goed te maken? Wanneer blij, tevreden, goed geholpen?',
        'Wat zijn irritaties, wat mist men?',
        'Waarom belangrijk, wat brengt dit jou?',
      ],
      en: [
        'Aim: do people name aspects linked to "personal"?',
        'What must the organisation do to make the service good for you? When are you happy, satisfied, well helped?',
        'What irritates, what is missing?',
        'Why does it matter, what does it bring you?',
      ],
    },
  },
  {
    title: { nl: 'Persoonlijke dienstverlening', en: 'Personal service' },
    minutes: 40,
    points: {
      nl: [
        'Eerst individueel noteren: wat maakt dienstverlening voor jou persoonlijk? Als de organisatie … doet; als ik … kan doen bij de organisatie. Denk ook aan je eigen ervaring.',
        'Rondje langs de trefwoorden. Per aspect: wat verstaat men eronder, waarom belangrijk, wat doet de organisatie nu, wat mist men, ideaalbeeld, wanneer meer of minder belangrijk, in hoeverre online/digitaal?',
        'Verdieping: rol van de medewerker (balie, telefoon); kan techniek de mens vervangen? Verandert de kwaliteit van de dienstverlening?',
        'Relevantie en proactiviteit: hoe staat men tegenover advies en suggesties van de organisatie? "Ik verwacht van organisatie X dat zij …"',
        'Gegevens delen: wanneer nuttig, waar ligt de grens, wanneer komt de organisatie te dicht bij? Herkend worden genoemd?',
        'Voorbeelden van andere organisaties (bol.com, booking, airbnb): wat kunnen publieke organisaties daarvan leren?',
      ],
      en: [
        'First note individually: what makes a service personal for you? When the organisation does …; when I can do … with the organisation. Think of your own experience too.',
        'Go round the keywords. Per aspect: what does it mean, why important, what does the organisation do now, what is missing, the ideal, when more or less important, how far online/digital?',
        'In depth: the role of staff (desk, phone); can technology replace people? Will the quality of service change?',
        'Relevance and proactivity: how do people feel about advice and suggestions from the organisation? "I expect organisation X to …"',
        'Sharing data: when useful, where is the limit, when does the organisation come too close? Was "being recognised" mentioned?',
        'Examples from other organisations (bol.com, booking, airbnb): what can public organisations learn from them?',
      ],
    },
  },
  {
    title: { nl: 'Betrokkenheid vanuit organisatie', en: "The organisation's involvement" },
    minutes: 5,
    points: {
      nl: [
        'Hoe omschrijft men de relatie met de organisatie? Als een vriend, kennis, buur, vijand …?',
        'Is de organisatie betrokken bij jou? Op de hoogte van je situatie, wensen, behoeften, eerder contact? Empathie?',
        'Hoe kan de betrokkenheid groter worden? Welke invloed heeft online/digitaal daarop?',
      ],
      en: [
        'How do people describe their relationship with the organisation? A friend, acquaintance, neighbour, enemy …?',
        'Is the organisation involved with you? Aware of your situation, wishes, needs, earlier contact? Empathy?',
        'How could involvement grow? What influence does online/digital have on it?',
      ],
    },
  },
  {
    title: { nl: 'Betrokkenheid vanuit klant', en: "The customer's involvement" },
    minutes: 5,
    points: {
      nl: [
        'Hoe betrokken voelt men zich zelf bij de organisatie? Loyaliteit? Vertelt men anderen over positieve ervaringen?',
        'Indien niet of weinig betrokken: hoe erg is dat? Indien wel: hoe uit zich dat?',
        'Kan online/digitaal de betrokkenheid vergroten? Suggesties of adviezen van de organisatie; zelf iets posten op social media.',
      ],
      en: [
        'How involved do people feel with the organisation? Loyalty? Do they tell others about good experiences?',
        'If not or barely involved: does that matter? If involved: how does it show?',
        'Can online/digital increase involvement? Suggestions or advice from the organisation; posting on social media oneself.',
      ],
    },
  },
  {
    title: { nl: 'Vertrouwen', en: 'Trust' },
    minutes: 10,
    points: {
      nl: [
        'Totaalbeeld van de organisatie op basis van ervaringen. Mate van vertrouwen als rapportcijfer.',
        'Waar denkt men aan bij vertrouwen? Wat laat het vertrouwen groeien?',
        "Invloed van digitale mogelijkheden, zoals de 'mijn-omgeving', op het vertrouwen.",
        'Vertrouwen bij het delen van persoonlijke gegevens: veiligheid, privacy. Wat moet de organisatie daarvoor doen?',
      ],
      en: [
        'Overall view of the organisation based on experiences. Level of trust as a mark out of ten.',
        'What do people think of when it comes to trust? What makes trust grow?',
        'Influence of digital options, such as the personal online account, on trust.',
        'Trust when sharing personal data: security, privacy. What must the organisation do for it?',
      ],
    },
  },
  {
    title: { nl: 'Resumé', en: 'Summary' },
    minutes: 5,
    points: {
      nl: [
        'Belangrijkste wensen en drempels voor digitale/online toepassingen; laten zien in het scherm en laten aanvullen.',
        'Persoonlijke dienstverlening in de digitale wereld: welke behoefte, wanneer worden verwachtingen overtroffen?',
        'Verwachtingen van de publieke sector tegenover commerciële organisaties.',
        "'Als organisatie X mij als klant beter wil bedienen met online/digitaal': wat moet zij vooral wel en vooral niet doen?",
      ],
      en: [
        'Main wishes and barriers for digital/online services; show them on screen and let people add.',
        'Personal service in the digital world: which needs, when are expectations exceeded?',
        'Expectations of the public sector compared with commercial organisations.',
        "'If organisation X wants to serve me better online': what must it do, and what must it not do?",
      ],
    },
  },
];
