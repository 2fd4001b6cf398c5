// Routes and the page frame (skip link, header, storage notice, main).
// Routing is wouter: ~2 KB, hook-based, and plain History API paths, which is all a static-hosted PWA with a few
// screens needs. A shared plan (/share#p=…) is a route like any other: its plan is in the fragment, which the
// screen reads itself (the router ignores it).
import { lazy, Suspense, useEffect, type MouseEvent, type ReactNode } from 'react'
import { Link, Route, Router, Switch, useLocation, useRoute, type AroundNavHandler } from 'wouter'
import { InstallBanner } from '../pwa/InstallBanner'
import { PWA_NOTICE_SLOT_ID } from '../pwa/noticeSlot'
import { OfflineIndicator } from '../pwa/OfflineIndicator'
import { useUiStore } from '../store/uiStore'
import { ChunkBoundary, ChunkFailed } from './common/ChunkBoundary'
import { EventSwitcher } from './events/EventSwitcher'
import { MainNav } from './common/MainNav'
import { ScheduleChangesNotice } from './events/ScheduleChangesNotice'
import { StorageNotice } from './common/StorageNotice'
import { UndoToast } from './common/UndoToast'
import { useHallway } from './common/useHallway'
import { useSchedule } from './common/useSchedule'
import { ScheduleScreen } from './schedule/ScheduleScreen'
import { flushViewWrite } from './schedule/useViewState'

// The first view is the list; every other screen is its own chunk, loaded when first opened (the service worker
// precaches them all, so this costs nothing offline). Keeps the first view's JS inside its 120 KB gzip budget.
const SessionScreen = lazy(() => import('./session/SessionScreen').then((m) => ({ default: m.SessionScreen })))
const PlanScreen = lazy(() => import('./plan/PlanScreen').then((m) => ({ default: m.PlanScreen })))
const NowScreen = lazy(() => import('./now/NowScreen').then((m) => ({ default: m.NowScreen })))
const SharedPlanScreen = lazy(() => import('./share/SharedPlanScreen').then((m) => ({ default: m.SharedPlanScreen })))
const SpeakersScreen = lazy(() => import('./speakers/SpeakersScreen').then((m) => ({ default: m.SpeakersScreen })))
const SpeakerScreen = lazy(() => import('./speakers/SpeakerScreen').then((m) => ({ default: m.SpeakerScreen })))
const SettingsRoute = lazy(() => import('./settings/SettingsRoute').then((m) => ({ default: m.SettingsRoute })))
const AddFromListScreen = lazy(() => import('./plan/AddFromListScreen').then((m) => ({ default: m.AddFromListScreen })))
const MapScreen = lazy(() => import('./map/MapScreen').then((m) => ({ default: m.MapScreen })))
// Only when the user turned reminders on: the timers and the banner are no part of the first view.
const LeaveReminders = lazy(() => import('./reminders/LeaveReminders'))
const ResolveDialog = lazy(() => import('./plan/ResolveDialog').then((m) => ({ default: m.ResolveDialog })))

// Vite's base ("/" or "/hallway/"), so the app works from a sub-path of a static host too.
const BASE = import.meta.env.BASE_URL.replace(/\/$/, '')

// A filter ticked a moment ago may not be in the URL yet: it goes there before the app navigates anywhere, so Back
// returns to the list as it was.
const navigateAfterViewWrite: AroundNavHandler = (navigate, to, options) => {
  flushViewWrite()
  navigate(to, options)
}

export interface AppProps {
  /** Server rendering (the build's prerender): the path and query rendered; in a browser, the address bar's. */
  ssrPath?: string
  ssrSearch?: string
}

export function App({ ssrPath, ssrSearch }: AppProps = {}) {
  return (
    <Router base={BASE} ssrPath={ssrPath} ssrSearch={ssrSearch} aroundNav={navigateAfterViewWrite}>
      <Shell>
        <Switch>
          <Route path="/">
            <ScheduleRoute />
          </Route>
          <Route path="/session/:id">{(params) => <SessionScreen id={params.id} />}</Route>
          <Route path="/plan">
            <PlanScreen />
          </Route>
          <Route path="/add-from-list">
            <AddFromListScreen />
          </Route>
          <Route path="/speakers">
            <SpeakersScreen />
          </Route>
          <Route path="/speaker/:id">{(params) => <SpeakerScreen id={params.id} />}</Route>
          <Route path="/now">
            <NowScreen />
          </Route>
          <Route path="/share">
            <SharedPlanScreen />
          </Route>
          <Route path="/map">
            <MapScreen />
          </Route>
          <Route path="/settings">
            <SettingsRoute />
          </Route>
          <Route>
            <PageNotFound />
          </Route>
        </Switch>
      </Shell>
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

/** Shown for the moment a screen's chunk takes to load (from the precache, usually a few milliseconds). */
function ScreenLoading() {
  return (
    <p className="loading" role="status">
      Loading…
    </p>
  )
}

function Shell({ children }: { children: ReactNode }) {
  const schedule = useSchedule()
  // The resolve dialog's code (alternatives, conflict preview) loads the first time Resolve is opened.
  const resolving = useUiStore((s) => s.resolving !== null)
  const reminders = useHallway((s) => s.plan.display.reminders !== 'off')
  const [onList] = useRoute('/')
  // A screen whose chunk failed is retried when the user goes to another route (a new boundary per location).
  const [location] = useLocation()
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
      {reminders && (
        <ChunkBoundary fallback={null}>
          <Suspense fallback={null}>
            <LeaveReminders />
          </Suspense>
        </ChunkBoundary>
      )}
      <InstallBanner />
      <div id={PWA_NOTICE_SLOT_ID} className="pwa-notices" />
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
          <ChunkBoundary key={location} fallback={<ChunkFailed />}>
            <Suspense fallback={<ScreenLoading />}>{children}</Suspense>
          </ChunkBoundary>
        )}
      </main>
      <UndoToast />
      {resolving && (
        <ChunkBoundary fallback={<ResolveFailed />}>
          <Suspense fallback={null}>
            <ResolveDialog />
          </Suspense>
        </ChunkBoundary>
      )}
    </>
  )
}

function ScheduleRoute() {
  const { event, sessions } = useSchedule()
  if (!event) return null
  return <ScheduleScreen event={event} sessions={sessions} />
}

/** The resolve dialog's chunk did not download: say so in a toast and close the dialog, leaving the page usable. */
function ResolveFailed() {
  const showToast = useUiStore((s) => s.showToast)
  const closeResolve = useUiStore((s) => s.closeResolve)
  useEffect(() => {
    showToast({ tone: 'error', message: "The resolve dialog didn't download. Nothing was lost; reload while online to get it." })
    closeResolve()
  }, [showToast, closeResolve])
  return null
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
