export type {
  MetaFieldDefinition,
  MetaFieldKind,
  Quote,
  ReportFlag,
  QuoteConsent,
  ReportContent,
  ReportProgress,
  ReportReadiness,
  RichMark,
  RichNode,
  SectionDefinition,
  SectionKind,
  SectionProgress,
  SectionState,
  TemplateAlerts,
  TemplateDefinition,
} from './types.js'
export { defineTemplate, TemplateValidationError } from './defineTemplate.js'
export { roundtableReportTemplate } from './templates/roundtableReport.js'
export { defaultTemplateId, getTemplate, listTemplates } from './templates/registry.js'
export { META_KEY, QUOTES_KEY, REPORT_LAYOUT_VERSION, reportMeta, reportQuotes, sectionFragment } from './layout/documentLayout.js'
export { createMetaFields, metaFieldText, readMetaField, setMetaField } from './layout/metaFields.js'
export {
  addQuote,
  addQuoteEntry,
  consentOf,
  findQuote,
  newQuoteMap,
  QUOTE_ID_KEY,
  QUOTE_TEXT_FIELDS,
  quoteFieldText,
  quoteIdOf,
  readQuoteEntries,
  readQuotes,
  removeQuote,
  removeQuoteById,
  updateQuote,
  updateQuoteById,
} from './layout/quotes.js'
export type { QuoteEntry, QuoteTextField } from './layout/quotes.js'
export { newQuoteId } from './layout/quoteIds.js'
export { readTextValue, replaceText, textOf } from './layout/textValue.js'
export { needsLayoutUpgrade, upgradeReportLayout } from './layout/upgradeReportLayout.js'
export { writesOldLayout } from './layout/oldLayoutWrites.js'
export { clearReportReady, markReportReady, READY_BY_KEY, READY_KEY, readReportReady } from './layout/readiness.js'
export { readReportContent } from './layout/readReportContent.js'
export { QUOTE_NAME_KEYS, redactQuoteNames } from './layout/redactQuoteNames.js'
export { readRichNodes } from './layout/readRichNodes.js'
export { writeRichNodes } from './layout/writeRichNodes.js'
export { writeReportContent } from './layout/writeReportContent.js'
export { reportFlags } from './progress/reportFlags.js'
export type { ReportFlagInput } from './progress/reportFlags.js'
export { reportProgress } from './progress/reportProgress.js'
export { reportProgressSteps, type ReuseSectionProgress } from './progress/reportProgress.js'
export { attributeQuote } from './output/attributeQuote.js'
export { reportToMarkdown } from './output/reportToMarkdown.js'
export type { ReportOutputOptions } from './output/reportToMarkdown.js'
export { reportToHtml } from './output/reportToHtml.js'
export { CHANGED_SINCE_READY_HEADING, changedSinceReadyOf, compileEventReport, readinessFlag } from './output/compileEventReport.js'
export type { CompiledEventReport, CompiledReportEntry, EventReportInput } from './output/compileEventReport.js'
export { readinessNote } from './output/readinessNote.js'
export { compileSection } from './output/compileSection.js'
export type { CompiledSection, SectionAcrossInput } from './output/compileSection.js'
export type { ChangedSinceReady } from './output/readinessNote.js'
export { readReportSource } from './output/ReportSource.js'
export type { ReportSource } from './output/ReportSource.js'
export { reportTitle } from './output/reportTitle.js'
export { formatUtcTime } from './output/formatUtcTime.js'
export { safeHref } from './output/safeHref.js'
export { slugify } from './output/slugify.js'
export type { FeedEvent, FeedSnapshot, PresentPerson, RoundtableStatus } from './status/RoundtableStatus.js'
export { southSouthMobilityReport } from './examples/southSouthMobilityReport.js'
