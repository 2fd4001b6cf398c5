// The share link as a QR code, for sharing in person. Drawn on the device as SVG by qrcode-generator, loaded only
// when a QR code is first shown: a dynamic import keeps its 21 KB (7 KB gzipped) out of the first view's JS, and
// the service worker precaches the chunk with the rest of the JS, so it draws offline too.
import { useEffect, useState } from 'react'

// 'M' recovers ~15% of the code: enough for glare on a phone screen held up to another phone's camera, and the
// ~160-character link still fits version 9 (53 × 53 modules), small enough to scan at arm's length. A plan of
// hundreds of sessions makes a link past M's largest code (2,331 bytes); 'L' (~7%) still holds 2,953.
const ERROR_CORRECTION = ['M', 'L'] as const
// modules: the blank border scanners need around the code (4 is the QR specification's minimum).
const QUIET_ZONE = 4

interface Modules {
  /** The text the modules encode, so a changed link never shows the old code. */
  text: string
  size: number
  /** One SVG path of every dark module, as 1 × 1 squares. */
  path: string
}

type State = { kind: 'drawing' } | { kind: 'ready'; modules: Modules } | { kind: 'failed' }

async function drawModules(text: string): Promise<Modules> {
  const { default: qrcode } = await import('qrcode-generator')
  const make = (level: (typeof ERROR_CORRECTION)[number]) => {
    const qr = qrcode(0, level) // 0: the smallest version that holds the text
    qr.addData(text, 'Byte')
    qr.make() // throws when the text is too long for any version at this level
    return qr
  }
  let qr
  try {
    qr = make(ERROR_CORRECTION[0])
  } catch {
    qr = make(ERROR_CORRECTION[1])
  }
  const size = qr.getModuleCount()
  let path = ''
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (qr.isDark(row, col)) path += `M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`
    }
  }
  return { text, size, path }
}

export function ShareQrCode({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<State>({ kind: 'drawing' })

  useEffect(() => {
    let cancelled = false
    drawModules(text).then(
      (modules) => {
        if (!cancelled) setState({ kind: 'ready', modules })
      },
      (error: unknown) => {
        console.warn('Hallway: drawing the QR code failed.', error)
        if (!cancelled) setState({ kind: 'failed' })
      },
    )
    return () => {
      cancelled = true
    }
  }, [text])

  if (state.kind === 'failed') return <p className="share-qr share-qr--failed muted">The QR code couldn't be drawn. Share the link instead.</p>
  if (state.kind === 'drawing' || state.modules.text !== text) {
    return (
      <p className="share-qr share-qr--drawing muted" role="status">
        Drawing the QR code…
      </p>
    )
  }
  const { size, path } = state.modules
  const box = size + 2 * QUIET_ZONE
  return (
    <svg className="share-qr" role="img" aria-label={label} viewBox={`0 0 ${box} ${box}`} shapeRendering="crispEdges">
      {/* Always dark on light, in both themes: scanners expect it, and the quiet zone must be light. */}
      <rect width={box} height={box} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  )
}
