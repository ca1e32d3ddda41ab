import { defineTemplate } from '../defineTemplate.js'

const CHATHAM_HOUSE =
  'The sessions follow the Chatham House rule: either ask for approval to name the speaker or organisation, or put "anonymous".'

/** The conference's roundtable reporting template, as the seed gives it. Section ids are stored layout: never rename. */
export const roundtableReportTemplate = defineTemplate({
  id: 'roundtable-report',
  name: 'Roundtable reporting template',
  intro:
    'This template is meant to facilitate reporting from the different roundtable discussions to the closing session. ' +
    'In the interest of time, use it to take notes directly during the roundtable session. ' +
    'Please write in concise bullet points to facilitate the preparation of the final report. ' +
    CHATHAM_HOUSE,
  conciseBulletWords: 40,
  alerts: { emptySectionsBeforeClosingMinutes: 60, rapporteurAbsentMinutes: 10 },
  meta: [
    { id: 'title', label: 'Roundtable title', kind: 'text', placeholder: 'Title of the roundtable' },
    { id: 'session', label: 'Session date and time', kind: 'datetime', placeholder: 'e.g. Thursday 6 December, 10:00–11:30' },
    { id: 'rapporteurs', label: 'Rapporteurs', kind: 'people', placeholder: 'Names of the rapporteurs' },
  ],
  sections: [
    {
      id: 'summary',
      title: 'Summary / main discussion points',
      guidance: 'The main points of the discussion, in concise bullet points.',
      kind: 'rich-text',
      substantialWords: 80,
    },
    {
      id: 'challenges',
      title: 'Challenges',
      guidance: 'The key challenges identified during the session, in concise bullet points.',
      kind: 'rich-text',
      substantialWords: 60,
    },
    {
      id: 'opportunities',
      title: 'Opportunities / good practices / innovations for the way forward',
      guidance: 'Opportunities, good practices and innovations for the way forward, in concise bullet points.',
      kind: 'rich-text',
      substantialWords: 60,
    },
    {
      id: 'gcm-relevance',
      title: 'Relevance to the Global Compact for Migration and its follow-up, implementation and review',
      guidance: 'How the discussion relates to the Global Compact for Migration and its follow-up, implementation and review.',
      kind: 'rich-text',
      substantialWords: 30,
    },
    {
      id: 'agenda-2030',
      title: 'Contributions to the achievement of the Agenda 2030',
      guidance: 'How the discussion contributes to achieving the Agenda 2030.',
      kind: 'rich-text',
      substantialWords: 30,
    },
    {
      id: 'quotes',
      title: 'Inspiring quotes',
      guidance: `If you like, give one or two quotes that inspired you during the session. ${CHATHAM_HOUSE}`,
      kind: 'quotes',
      substantialWords: 10,
    },
  ],
})
