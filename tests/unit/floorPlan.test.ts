// Floor-plan files (data/<event>.floorplan.json): what reads, and a clear message for each thing that does not.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { floorPlanPin, parseFloorPlan } from '../../src/domain/floorPlan'

const FIXTURE = readFileSync(join(__dirname, '../fixtures/floorplan/democon-2020-12-14.floorplan.json'), 'utf8')
const good = JSON.parse(FIXTURE) as Record<string, unknown>

function withField(field: string, value: unknown): string {
  return JSON.stringify({ ...good, [field]: value })
}

describe('parseFloorPlan', () => {
  it('reads the fixture: image, size, title and room pins', () => {
    const result = parseFloorPlan(FIXTURE)
    if (!result.ok) throw new Error(result.error)
    expect(result.plan).toMatchObject({ image: 'democon-2020-12-14.floorplan.svg', width: 400, height: 200, title: 'DemoCon, ground floor' })
    expect(floorPlanPin(result.plan, 'hall  1')).toEqual({ x: 80, y: 100 })
    expect(floorPlanPin(result.plan, 'Hall 3')).toBeNull()
  })

  it.each([
    ['{ "version": 1, ', 'x.floorplan.json: not JSON'],
    ['[]', 'x.floorplan.json: expected a JSON object'],
    [withField('version', 2), 'version must be 1, found 2'],
    [withField('image', 'https://evil.example/plan.png'), 'image must be a relative path'],
    [withField('image', '../secrets/plan.png'), 'image must be a relative path'],
    [withField('image', 'plan.html'), 'image must be a relative path'],
    [withField('width', -5), 'width must be a number of pixels'],
    [withField('height', '200'), 'height must be a number of pixels'],
    [withField('title', 7), 'title must be text'],
    [withField('rooms', []), 'rooms must be an object'],
    [withField('rooms', {}), 'rooms is empty'],
    [withField('rooms', { 'Hall 1': [80, 100] }), 'rooms["Hall 1"] must be { "x": number, "y": number }'],
    [withField('rooms', { 'Hall 1': { x: 500, y: 100 } }), 'rooms["Hall 1"] is at (500, 100), outside the 400 × 200 image'],
    [withField('rooms', { ' ': { x: 5, y: 5 } }), 'a room has an empty name'],
  ])('refuses %s with a message naming the problem', (text, message) => {
    const result = parseFloorPlan(text, 'x.floorplan.json')
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error).toContain(message)
      expect(result.error.startsWith('x.floorplan.json: ')).toBe(true)
    }
  })
})
