import { ExportFormatLinks } from './ExportFormatLinks'

/** The report sidebar's "Export" box: this report as it is now, in each format. */
export function ReportExportBox({ roundtableId }: { readonly roundtableId: string }) {
  return (
    <section className="export-box" aria-labelledby="report-export-title" data-report-export="">
      <h2 id="report-export-title" className="export-box__title">
        Export
      </h2>
      <ExportFormatLinks scope={{ kind: 'roundtable', id: roundtableId }} />
    </section>
  )
}
