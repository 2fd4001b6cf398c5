// The QR code of a share link: drawn on the device from the lazily loaded encoder, with a smaller error-correction
// level when a long plan needs it, and a plain message (not a crash) when a link is too long for any QR code.
import { render, screen } from '@testing-library/react'
import { ShareQrCode } from '../../src/ui/share/ShareQrCode'

const LABEL = 'QR code of the link to your plan'
/** A link of `n` characters, shaped like a real one. */
const link = (n: number) => `https://hallway.example.org/share#p=${'A'.repeat(n - 36)}`

/** The side of the drawn code in modules, quiet zone included (viewBox "0 0 side side"). */
async function side(text: string): Promise<number> {
  render(<ShareQrCode text={text} label={LABEL} />)
  const svg = await screen.findByRole('img', { name: LABEL })
  return Number(svg.getAttribute('viewBox')!.split(' ')[2])
}

describe('ShareQrCode', () => {
  it('draws a 160-character link as a version 9 code (53 modules + 4 of quiet zone on each side)', async () => {
    expect(await side(link(160))).toBe(61)
  })

  it('still draws a link past the medium level’s capacity, at the low level', async () => {
    // 2,500 bytes: over version 40-M's 2,331, so only 'L' holds it, from version 37 (165 modules) up.
    expect(await side(link(2_500))).toBe(165 + 8)
  })

  it('says so, in words, when no QR code can hold the link', async () => {
    render(<ShareQrCode text={link(3_200)} label={LABEL} />)
    expect(await screen.findByText("The QR code couldn't be drawn. Share the link instead.")).toBeInTheDocument()
    expect(screen.queryByRole('img')).not.toBeInTheDocument()
  })
})
