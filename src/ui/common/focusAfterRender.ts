// Moving focus to what a change brought back, once the change has reached the screen.

// frames (~1 s at 60 Hz): how long to wait for the live query to render the restored row before giving up on it (a
// slow phone, or a busy test machine, can take more than half a second).
const FOCUS_WAIT_FRAMES = 60

/**
 * Focuses what `selector` matches once the change has reached the screen (the live query re-renders a frame or
 * more after the write), else, after {@link FOCUS_WAIT_FRAMES}, the page's heading.
 */
export function focusAfterRender(selector: string | undefined): void {
  let frames = 0
  const attempt = () => {
    const target = selector ? document.querySelector<HTMLElement>(selector) : null
    if (target) {
      target.focus()
      return
    }
    frames += 1
    if (selector && frames < FOCUS_WAIT_FRAMES) requestAnimationFrame(attempt)
    else document.querySelector<HTMLElement>('main h1')?.focus()
  }
  requestAnimationFrame(attempt)
}
