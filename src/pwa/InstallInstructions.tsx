// How to install Hallway where the browser has no install prompt to call: iOS Safari's Share sheet.

/** The iOS share glyph (a box with an arrow out of it), so the words match what is on the toolbar. */
function ShareGlyph() {
  return (
    <svg className="install__glyph" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path d="M12 3v12M8 7l4-4 4 4M6 11H5v10h14V11h-1" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  )
}

export function IosInstallSteps() {
  return (
    <ol className="install__steps">
      <li>
        Tap <strong>Share</strong> <ShareGlyph /> in Safari's toolbar.
      </li>
      <li>
        Choose <strong>Add to Home Screen</strong>, then <strong>Add</strong>.
      </li>
    </ol>
  )
}
