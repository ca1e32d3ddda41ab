import { AlignmentType, Document, LevelFormat, Packer, type Paragraph } from 'docx'
import { ORDERED_LIST } from './richNodesToDocx.js'

/** A .docx file holding these paragraphs, with the numbering the report's ordered lists use. */
export function reportDocument(title: string, paragraphs: readonly Paragraph[]): Promise<Buffer> {
  const document = new Document({
    title,
    creator: 'Rapporteur',
    features: { updateFields: false },
    numbering: {
      config: [
        {
          reference: ORDERED_LIST,
          levels: Array.from({ length: 9 }, (_unused, level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [{ children: [...paragraphs] }],
  })
  return Packer.toBuffer(document)
}
