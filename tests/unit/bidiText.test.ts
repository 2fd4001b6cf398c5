// Isolating schedule text that must go into a string (labels, toasts, document.title, the domain's sentences): no
// bidi control survives, right-to-left text is wrapped in one FSI … PDI pair, and plain text comes back unchanged.
import { isolateText, stripBidiControls } from '../../src/domain/bidiText'
import { sanitizePlanName } from '../../src/domain/shareCodec'

const FSI = '\u2068'
const PDI = '\u2069'
const RLO = '\u202E'
const CONTROLS = ['\u202A', '\u202B', '\u202C', '\u202D', RLO, '\u2066', '\u2067', FSI, PDI]

describe('isolateText', () => {
  it('removes an unclosed override, so the words after it keep their order', () => {
    expect(isolateText(`Rust${RLO}`)).toBe('Rust')
    expect(`Overlaps with ${isolateText(`Rust${RLO}`)} (10:15 – 10:45 AM UTC)`).toBe('Overlaps with Rust (10:15 – 10:45 AM UTC)')
  })

  it('removes every embedding, override and isolate, and a PDI that would close the wrapper early', () => {
    for (const c of CONTROLS) expect(isolateText(`a${c}b`)).toBe('ab')
    expect(isolateText(`\u05D0${PDI}${RLO}b`)).toBe(`${FSI}\u05D0b${PDI}`)
  })

  it('wraps right-to-left text in one isolate, so it reads right-to-left as a unit', () => {
    expect(isolateText('مقدمة في البرمجة')).toBe(`${FSI}مقدمة في البرمجة${PDI}`)
    expect(isolateText('שלום world')).toBe(`${FSI}שלום world${PDI}`)
    // Arabic-Indic digits and a bare RIGHT-TO-LEFT MARK reorder neutrals around them too.
    expect(isolateText('Room \u0661\u0662')).toBe(`${FSI}Room \u0661\u0662${PDI}`)
    expect(isolateText('A\u200F!')).toBe(`${FSI}A\u200F!${PDI}`)
  })

  it('leaves text with nothing right-to-left as it is: it cannot reorder its neighbours', () => {
    for (const text of ['Feature Flags Suck!', 'B406b-407 · Learning Lounge', 'Zoë (Straße 5)', '👩‍💻 10:00', '']) {
      expect(isolateText(text)).toBe(text)
    }
  })
})

describe('stripBidiControls', () => {
  it('keeps marks and everything that is not an embedding, override or isolate', () => {
    expect(stripBidiControls(`\u200Ea\u200F\u061Cb${RLO}c\u2067`)).toBe('\u200Ea\u200F\u061Cbc')
  })

  it('removes the same formatting characters as plan names do (one list, shared with the share codec)', () => {
    for (const c of CONTROLS) expect(stripBidiControls(`x${c}y`)).toBe(sanitizePlanName(`x${c}y`))
  })
})
