// "Add from a list…" on the real app and a real Dexie database, with the whole Thursday seed: the Atlanta recap's
// must-watch list gives exactly the two Thursday talks, the clash they bring is shown before adding, Undo takes them
// back; a shared Hallway link opens the shared plan; a line that could mean several sessions is never guessed.
import { screen, waitFor, within } from '@testing-library/react'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SessionId } from '../../src/domain/model'
import { setStarLevel } from '../../src/db/stars'
import { indexedDbUserData, readUserData } from '../../src/db/userDataStore'
import { kubeconSnapshot, makeSession } from '../fixtures/factories'
import { seedSnapshot } from '../fixtures/seedSnapshot'
import { useFreshDB } from './planFixtures'
import { renderApp } from './renderApp'

const getDb = useFreshDB()
const snapshot = seedSnapshot()
const FLUX = 'AI-Assisted GitOps With Flux MCP Server'
const BACKSTAGE = 'The Journey of Deploying Backstage in a Large Organization'
const idOf = (title: string) => snapshot.sessions.find((s) => s.title === title)!.id

function recapList(): string {
  const recap = readFileSync(join(__dirname, '../fixtures/recap-must-watch.txt'), 'utf8').split('\n')
  const start = recap.findIndex((l) => l.startsWith('Must-Watch Sessions'))
  return recap.slice(start + 1, start + 17).join('\n')
}

async function stored(): Promise<Record<string, string>> {
  const { stars } = await readUserData(getDb(), snapshot.event.id)
  const titles = new Map<SessionId, string>(snapshot.sessions.map((s) => [s.id, s.title]))
  return Object.fromEntries(stars.map((r) => [titles.get(r.sessionId) ?? r.sessionId, r.level]))
}

/** The add button, once the saved plan is read (it stays disabled until then, so nothing is added twice). */
async function addButton(name: string): Promise<HTMLElement> {
  const button = screen.getByRole('button', { name })
  await waitFor(() => expect(button).toBeEnabled())
  return button
}

const open = (url = '/add-from-list') => renderApp({ snapshot, db: getDb(), url })

describe('Add from a list', () => {
  it('is offered on My plan, empty or not', async () => {
    const { user } = await open('/plan')
    await user.click(await screen.findByRole('link', { name: 'Add from a list…' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Add from a list' })).toHaveFocus()
    expect(screen.getByRole('textbox', { name: 'Your list' })).toHaveValue('')
  })

  it('turns the Atlanta recap’s list into exactly the two Thursday talks, shows their clash first, and adds them with Undo', async () => {
    const { user } = await open()
    await user.click(screen.getByRole('textbox', { name: 'Your list' }))
    await user.paste(recapList())

    expect(await screen.findByRole('heading', { name: '2 matches · 14 not in this schedule' })).toBeInTheDocument()
    const found = screen.getAllByRole('checkbox')
    expect(found).toHaveLength(2)
    for (const box of found) expect(box).toBeChecked()
    expect(screen.getAllByText('Not in this schedule.')).toHaveLength(14)
    // Speakers alone never match; a hint says where they do speak.
    const gitless = screen.getByText(/GitLess/, { selector: 'q bdi' }).closest('li')!
    expect(gitless).toHaveTextContent(`Not in this schedule. Stefan Prodan gives another talk here: ${FLUX}.`)
    expect(within(gitless).queryByRole('checkbox')).not.toBeInTheDocument()

    // Both run 11:00–11:30: adding both as must brings a clash, said before adding.
    const preview = screen.getByRole('heading', { name: 'What adding them does to your plan' }).parentElement!
    expect(preview).toHaveTextContent(FLUX)
    expect(preview).toHaveTextContent(BACKSTAGE)
    expect(preview).not.toHaveTextContent('fit your plan')

    await user.click(await addButton('Add 2 sessions as must'))
    await screen.findByText('Added 2 sessions from your list to your plan as must.')
    await waitFor(async () => expect(await stored()).toEqual({ [FLUX]: 'must', [BACKSTAGE]: 'must' }))
    // The plan shows the clash like any other.
    await user.click(screen.getByRole('link', { name: 'Go to my plan' }))
    expect(await screen.findByRole('heading', { level: 2, name: /2 sessions.*1 (clash|overlap)/ })).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Undo' }))
    await waitFor(async () => expect(await stored()).toEqual({}))
  })

  it('adds as maybe, leaves out an unticked match, and never touches a session already in the plan', async () => {
    await setStarLevel(indexedDbUserData(getDb()), snapshot.event.id, idOf(BACKSTAGE), 'maybe')
    const { user } = await open(`/add-from-list?text=${encodeURIComponent(`${FLUX}\n${BACKSTAGE}\nBuilding AI/ML Pipelines on Kubernetes`)}`)
    const already = screen.getByText(/^The Journey/, { selector: 'q bdi' }).closest('li')!
    // The saved plan is read after the schedule shows.
    await waitFor(() => expect(already).toHaveTextContent(/Already in your plan as maybe/))
    await user.click(screen.getByRole('radio', { name: 'Maybe' }))
    const boxes = screen.getAllByRole('checkbox')
    expect(boxes).toHaveLength(2)
    await user.click(boxes[1]!) // the AI/ML pipelines talk: not this time
    await user.click(await addButton('Add 1 session as maybe'))
    await waitFor(async () => expect(await stored()).toEqual({ [FLUX]: 'maybe', [BACKSTAGE]: 'maybe' }))
  })

  it('fills the box from a share (title, text and url), and a shared Hallway link opens the shared plan', async () => {
    const { user } = await open(`/add-from-list?title=${encodeURIComponent('Must see')}&text=${encodeURIComponent(FLUX)}`)
    expect(screen.getByRole('textbox', { name: 'Your list' })).toHaveValue(`Must see\n${FLUX}`)
    expect(screen.getByRole('heading', { name: '1 match · 1 not in this schedule' })).toBeInTheDocument()

    await user.clear(screen.getByRole('textbox', { name: 'Your list' }))
    await user.paste('https://hallway.example.org/share#p=notARealPlan')
    await user.click(screen.getByRole('button', { name: 'Open the shared plan' }))
    await waitFor(() => expect(window.location.pathname).toBe('/share'))
    expect(window.location.hash).toBe('#p=notARealPlan')
  })

  it('opens the shared plan at once when a Hallway link is shared into it (title and url, as a share sheet sends them)', async () => {
    const link = 'https://hallway.example.org/share#p=notARealPlan'
    await open(`/add-from-list?title=${encodeURIComponent('My KubeCon plan')}&url=${encodeURIComponent(link)}`)
    await waitFor(() => expect(window.location.pathname).toBe('/share'))
    expect(window.location.hash).toBe('#p=notARealPlan')
    // The shared-plan screen says what is wrong with this one, in words.
    expect(await screen.findByRole('heading', { level: 1 })).toBeInTheDocument()
  })

  it('asks which session a line means when it could be several, and adds none until the user picks', async () => {
    const morning = makeSession({ title: 'Coffee Break', from: '10:30am', to: '11:00am' })
    const afternoon = makeSession({ title: 'Coffee Break', from: '3:15pm', to: '3:45pm' })
    const { user } = await renderApp({ snapshot: kubeconSnapshot([morning, afternoon]), db: getDb(), url: '/add-from-list' })
    await user.click(screen.getByRole('textbox', { name: 'Your list' }))
    await user.paste('- “Coffee break”')
    const question = await screen.findByRole('group', { name: /This could be 2 sessions\. Which one\?/ })
    expect(within(question).getByRole('radio', { name: 'None of these' })).toBeChecked()
    expect(screen.getByRole('button', { name: 'Nothing to add' })).toBeDisabled()
    await user.click(within(question).getByRole('radio', { name: /3:15/ }))
    await user.click(await addButton('Add 1 session as must'))
    await waitFor(async () => {
      const { stars } = await readUserData(getDb(), snapshot.event.id)
      expect(stars.map((r) => [r.sessionId, r.level])).toEqual([[afternoon.id, 'must']])
    })
  })
})
