// Routes and the page frame (skip link, header, storage notice, main).
// Routing is wouter: ~2 KB, hook-based, and plain History API paths, which is all a static-hosted PWA with a few
// screens needs. A shared plan (/share#p=…) is a route like any other: its plan is in the fragment, which the
// screen reads itself (the router ignores it).
import type { MouseEvent, ReactNode } from 'react'
import { Link, Route, Router, Switch, useRoute } from 'wouter'
import { InstallBanner } from '../pwa/InstallBanner'
import { InstallSettings } from '../pwa/InstallSettings'
import { OfflineIndicator } from '../pwa/OfflineIndicator'
import { StorageSettings } from '../pwa/StorageSettings'
import { EventSwitcher } from './components/EventSwitcher'
import { EventsSettings } from './components/EventsSettings'
import { MainNav } from './components/MainNav'
import { ResolveDialog } from './components/ResolveDialog'
import { ScheduleChangesNotice } from './components/ScheduleChanges'
import { StorageNotice } from './components/StorageNotice'
import { TimeAndCalendarSettings } from './components/TimeAndCalendarSettings'
import { UndoToast } from './components/UndoToast'
import { useSchedule } from './hooks/useSchedule'
import { PlanProvider } from './PlanProvider'
import { NowScreen } from './screens/NowScreen'
import { PlanScreen } from './screens/PlanScreen'
import { ScheduleScreen } from './screens/ScheduleScreen'
import { SessionScreen } from './screens/SessionScreen'
import { SettingsScreen } from './screens/SettingsScreen'
import { SharedPlanScreen } from './screens/SharedPlanScreen'

// Vite's base ("/" or "/hallway/"), so the app works from a sub-path of a static host too.
const BASE = import.meta.env.BASE_URL.replace(/\/$/, '')

export function App() {
  return (
    <Router base={BASE}>
      <PlanProvider>
        <Shell>
          <Switch>
            <Route path="/">
              <ScheduleRoute />
            </Route>
            <Route path="/session/:id">{(params) => <SessionScreen id={params.id} />}</Route>
            <Route path="/plan">
              <PlanScreen />
            </Route>
            <Route path="/now">
              <NowScreen />
            </Route>
            <Route path="/share">
              <SharedPlanScreen />
            </Route>
            <Route path="/settings">
              <SettingsScreen>
                <EventsSettings />
                <TimeAndCalendarSettings />
                <InstallSettings />
                <StorageSettings />
              </SettingsScreen>
            </Route>
            <Route>
              <PageNotFound />
            </Route>
          </Switch>
        </Shell>
      </PlanProvider>
    </Router>
  )
}

export default App

function focusById(id: string) {
  return (e: MouseEvent<HTMLAnchorElement>) => {
    const target = document.getElementById(id)
    if (!target) return
    // Focus instead of following the #hash: a hash would become a history entry and confuse the router.
    e.preventDefault()
    target.focus()
  }
}

function Shell({ children }: { children: ReactNode }) {
  const schedule = useSchedule()
  const [onList] = useRoute('/')
  const showList = onList && schedule.status === 'ready'
  const skipTarget = showList ? 'session-list' : 'main'

  return (
    <>
      <a className="skip-link" href={`#${skipTarget}`} onClick={focusById(skipTarget)}>
        {showList ? 'Skip to sessions' : 'Skip to content'}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link href="/" className="brand">
            Hallway
          </Link>
          {schedule.event && <EventSwitcher />}
          <OfflineIndicator />
          <MainNav />
        </div>
      </header>
      <StorageNotice />
      <ScheduleChangesNotice />
      <InstallBanner />
      <main id="main" className="main" tabIndex={-1}>
        {schedule.status === 'loading' ? (
          <p className="loading" role="status">
            Loading the schedule…
          </p>
        ) : schedule.status === 'error' ? (
          <div className="error" role="alert">
            <h1>The schedule couldn't be loaded</h1>
            <p>{schedule.error ?? 'Something went wrong while reading the schedule.'}</p>
            <p>
              <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
                Try again
              </button>
            </p>
          </div>
        ) : (
          children
        )}
      </main>
      <UndoToast />
      <ResolveDialog />
    </>
  )
}

function ScheduleRoute() {
  const { event, sessions } = useSchedule()
  if (!event) return null
  return <ScheduleScreen event={event} sessions={sessions} />
}

function PageNotFound() {
  return (
    <div className="not-found">
      <h1>There's no page here</h1>
      <p>
        <Link href="/" className="button button--primary">
          Browse the schedule
        </Link>
      </p>
    </div>
  )
}
