// The CLI's XML parser for frab XML: @xmldom/xmldom's DOMParser, the same DOM the app gets from the browser's (see
// src/domain/frabXml.ts). An error, not only a fatal one, stops it: a schedule with broken markup is refused, not
// read in part. The message names the line and column where it broke.
import { DOMParser } from '@xmldom/xmldom'
import type { XmlDocument, XmlParser } from '../src/domain/frabXml'

interface Locator {
  lineNumber?: number
  columnNumber?: number
}

export const parseXml: XmlParser = (text) => {
  let first: string | undefined
  const parser = new DOMParser({
    onError: (level, message, context: { locator?: Locator } | undefined) => {
      if (level === 'warning') return
      const at = context?.locator
      first ??= at?.lineNumber !== undefined ? `line ${at.lineNumber}, column ${at.columnNumber ?? '?'}: ${message}` : message
      throw new Error(first)
    },
  })
  try {
    return parser.parseFromString(text, 'text/xml') as unknown as XmlDocument
  } catch (err) {
    // xmldom wraps what onError threw ("Reporting fatalError … caused Error: …"): the first message is the one to read.
    throw new Error(first ?? (err instanceof Error ? err.message : String(err)), { cause: err })
  }
}
