import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './ui/App'
import { ScheduleProvider } from './ui/ScheduleProvider'
import './ui/styles.css'

// The list restores its own scroll position (it knows row heights the browser doesn't), so the browser must not
// jump to a stale offset first on Back.
if ('scrollRestoration' in window.history) window.history.scrollRestoration = 'manual'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ScheduleProvider>
      <App />
    </ScheduleProvider>
  </StrictMode>,
)
