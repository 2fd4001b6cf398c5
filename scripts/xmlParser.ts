// The CLI's XML parser for frab XML: @xmldom/xmldom's DOMParser, the same DOM the app gets from the browser's (see
// src/domain/frabXml.ts). An error, not only a fatal one, stops it: a schedule with broken markup is refused, not
// read in part. xmldom's messages carry the line and column.
import { DOMParser } from '@xmldom/xmldom'
import type { XmlDocument, XmlParser } from '../src/domain/frabXml'

export const parseXml: XmlParser = (text) => {
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(message)
    },
  })
  return parser.parseFromString(text, 'text/xml') as unknown as XmlDocument
}
