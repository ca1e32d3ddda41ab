import { attributeQuote, type ReportContent, type TemplateDefinition } from '@rapporteur/template'
import { RichNodesView } from './RichNodesView'

interface VersionContentViewProps {
  readonly content: ReportContent
  readonly template: TemplateDefinition
}

/** A version of the report, read only: header fields, then each section under its template heading. */
export function VersionContentView({ content, template }: VersionContentViewProps) {
  return (
    <div className="version-content" data-version-content="">
      <dl className="version-content__meta">
        {template.meta.map((field) => (
          <div key={field.id}>
            <dt>{field.label}</dt>
            <dd data-version-meta={field.id}>{content.meta[field.id] || <span className="muted">(empty)</span>}</dd>
          </div>
        ))}
      </dl>
      {template.sections.map((section) => (
        <section key={section.id} className="version-content__section" data-version-section={section.id}>
          <h3>{section.title}</h3>
          {section.kind === 'quotes' ? (
            content.quotes.length === 0 ? (
              <p className="muted">(no quotes)</p>
            ) : (
              content.quotes.map((quote, index) => (
                <blockquote key={index} className="version-content__quote">
                  <p>“{quote.text}”</p>
                  <footer>— {attributeQuote(quote)}</footer>
                </blockquote>
              ))
            )
          ) : (
            <RichNodesView nodes={content.sections[section.id] ?? []} />
          )}
        </section>
      ))}
    </div>
  )
}
