// Catches a lazily loaded part of the app that failed to download (offline before the service worker had cached it,
// or a deploy that removed the old chunks under an open tab), so the rest of the app stays on screen instead of
// React unmounting everything. A class because only class components can be error boundaries.
import { Component, type ReactNode } from 'react'

export interface ChunkBoundaryProps {
  /** Shown instead of the part that failed; null hides it. */
  fallback: ReactNode
  children: ReactNode
}

export class ChunkBoundary extends Component<ChunkBoundaryProps, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  override componentDidCatch(error: unknown): void {
    console.warn('Hallway: part of the app did not load.', error)
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children
  }
}

/** The fallback for a screen or dialog: what happened, that nothing was lost, and the fix. */
export function ChunkFailed() {
  return (
    <div className="error" role="alert">
      <h1>This part of Hallway didn't download</h1>
      <p>Nothing was lost. Reload while online to get it; the schedule and your plan stay as they are.</p>
      <p>
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          Reload
        </button>
      </p>
    </div>
  )
}
