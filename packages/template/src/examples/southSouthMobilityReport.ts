import type { ReportContent, RichNode } from '../types.js'

// The seed's filled-in report: the South-South mobility and migration roundtable.

type Inline = string | RichNode

function inlineNode(part: Inline): RichNode {
  return typeof part === 'string' ? { type: 'text', text: part } : part
}

function paragraph(...parts: Inline[]): RichNode {
  return { type: 'paragraph', content: parts.map(inlineNode) }
}

function link(href: string): RichNode {
  return { type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }
}

function bullets(...items: Array<string | RichNode[]>): RichNode {
  return {
    type: 'bulletList',
    content: items.map((item) => ({
      type: 'listItem',
      content: typeof item === 'string' ? [paragraph(item)] : item,
    })),
  }
}

const ILO_ESTIMATES = 'https://www.ilo.org/global/publications/books/WCMS_652001/lang--en/index.htm'
const ICLS_GUIDELINES =
  'https://www.ilo.org/wcmsp5/groups/public/---dgreports/---stat/documents/meetingdocument/wcms_648922.pdf'

export const southSouthMobilityReport: ReportContent = {
  meta: { title: 'South-South mobility and migration' },
  sections: {
    summary: [
      paragraph(
        'The session was an opportunity to explore the complexities of growing South-South mobility and migration, ' +
          'defined both geographically and in terms of income. The theme emerged as particularly relevant as SSM is a ' +
          'growing phenomenon, even a new paradigm, given the growing weight of the global south in the world GDP. ' +
          'SSM is bound to become overwhelming in developing countries and usual patterns of origin, transit, destinations ' +
          'are changing rapidly. Population awareness about migration benefits and challenges is an issue in many countries ' +
          'and shall be addressed accordingly.',
      ),
      paragraph(
        'The background paper helped frame key trends, challenges and examples of good practice. Two key sources on ' +
          'labour migration are the recently published ILO global estimates on migrant workers (',
        link(ILO_ESTIMATES),
        ') and the ICLS Guidelines concerning Statistics of International Labour Migration (',
        link(ICLS_GUIDELINES),
        ')',
      ),
      paragraph('The discussion provided inputs from Latin America, Africa and to a lesser extent Asia.'),
    ],
    challenges: [
      paragraph('Key challenges identified were:'),
      bullets(
        [
          paragraph('Socio-economic reasons:'),
          bullets(
            'Lack of decent jobs and sustainable employment and structural unemployment;',
            'Destabilising foreign and trade policies having negative impacts on economies and causing massive flows;',
            'Internal inequalities and migration flows: Potential source of socio-political destabilisation if basic needs of the local population are not fulfilled;',
            'Deficit of refugee determination mechanisms in many South countries, where the traditional pattern of being an origin country is rapidly evolving to become a transit and/or destination.',
          ),
        ],
        [
          paragraph('Technical / capacity reasons:'),
          bullets(
            'Lack of reliable and accessible data and lack of local capacity at ministerial level to make use of them when available;',
            'Huge technical and capacity-building needs of several line ministries (migration but also labour, education and training);',
            'Lack of sustained political will and coordination at regional level;',
          ),
        ],
      ),
    ],
    opportunities: [
      paragraph('At national level:'),
      bullets(
        'National will to change policy and align to international standards through the adoption of whole-of-government and whole-of-society approaches: South Africa with its 2017 White Paper, and Morocco through its 2016 adoption of migration policy.',
        'Large scale regularisation schemes emerged as courageous political decisions which offered solutions in certain circumstances: 30,000 in Morocco; 300,000 in recent years in South Africa.',
        'Information on positive impact and acceptance of problems of migration should be addressed to national populations in order to reassure them, and explain the root causes of involuntary movement.',
        'Existing international standards and cooperation agencies should be utilised in terms of frameworks and experience; parallel tracks should be avoided.',
      ),
      paragraph('Regional level:'),
      bullets(
        'RECs and RCPs are key actors, cooperation with countries shall be intensified; Current Quito process is one of the latest examples; Mechanisms for data collection and social protection were presented within ASEAN; adoption of a labour migration policy framework in SADC.',
        'Corridor approach should be adopted more systematically to build floors of protection',
      ),
      paragraph('Power of innovation:'),
      bullets(
        'Innovative solutions using big telecom data may be an interesting avenue to supplement existing statistical data but require strict management of data as per existing international standards and guidelines and through strong partnerships with all government entities.',
        'Harmonisation of the collection of data on migrant workers: International Conference of Labour Statisticians adopted a common definition of migrant worker which will inform data collection globally in future.',
        'Political dialogue and humanitarian assistance: Are the best approach to crisis situations.',
      ),
    ],
    'gcm-relevance': [
      paragraph(
        'Although not directly discussed, main above-mentioned points are completely in line with the content of the ' +
          'Compact and its need for implementation in countries dealing with challenges due to migration.',
      ),
    ],
    'agenda-2030': [],
  },
  quotes: [
    {
      text: 'SSM will be an integral component of global migration flows, as it will increase as global south increasing its weight in the global economy.',
      speaker: '',
      affiliation: '',
      description: 'South-Asian country',
      consent: 'anonymous',
    },
  ],
}
