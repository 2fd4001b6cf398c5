// Session lists shaped like the real KubeCon NA 2025 Thursday seed (titles, speakers, venues copied from
// data/kubecon-na-2025-thursday.sched.txt), plus a generator for big synthetic schedules, built with the one set of
// factories in tests/fixtures/factories.ts. Pure TypeScript, so both the unit (node) and ui (jsdom) projects use it.
import type { Instant, Session, Speaker, VenueDay } from '../../src/domain/model'
import { est, makeSession, THURSDAY, venue } from '../fixtures/factories'

export { est, makeSession, THURSDAY, TIME_ZONE, venue } from '../fixtures/factories'

function person(name: string, role: string | undefined, company: string): Speaker {
  const raw = role ? `${name} (${role}, ${company})` : `${name} (${company})`
  const s: Speaker = { name, company, raw }
  if (role) s.role = role
  return s
}

/** Speakers the importer could not split with certainty: one entry holding the raw text. */
function uncertain(raw: string): Speaker[] {
  return [{ name: raw, raw }]
}

/** Real sessions from the Thursday seed, covering the shapes the UI must handle. */
export function seedSessions(): Session[] {
  const list: Session[] = [
    makeSession({
      title: 'Keynote: Beyond Operations: Scaling Platform Engineering in the CNCF Community',
      start: est('9:07am'),
      end: est('9:23am'),
      type: 'KEYNOTE SESSIONS',
      speakers: [person('Abby Bangser', 'Principal Engineer', 'Syntasso')],
      speakersRaw: 'Abby Bangser (Principal Engineer, Syntasso)',
      venue: venue('Building B | Level 1 | Exhibit Hall B2, Atlanta, GA, USA'),
      description:
        'Cloud native has always been about more than technology. Each wave of innovation, from early projects reshaping deployment to today’s higher-level platforms, has combined technical progress with shifts in how organisations deliver value.',
    }),
    makeSession({
      title: 'Coffee Break ☕',
      start: est('10:30am'),
      end: est('11:00am'),
      type: 'BREAKS',
      venue: venue('Building B | Level 1 | Exhibit Hall B3-B5, Atlanta, GA, USA'),
    }),
    makeSession({
      title: 'Learning Lounge: AI May Be the Lead Singer, But You Still Need the Band',
      start: est('10:45am'),
      end: est('11:00am'),
      type: 'EXPERIENCES',
      speakers: [person('Clyde Seepersad', 'SVP & General Manager', 'Linux Foundation Education')],
      speakersRaw: 'Clyde Seepersad (SVP & General Manager, Linux Foundation Education)',
      venue: venue('Building B | Level 1 | Exhibit Hall B3-B5 | Learning Lounge, Atlanta, GA, USA'),
      description: '10-Minute Tip Talk',
    }),
    makeSession({
      title: 'AI-Assisted GitOps With Flux MCP Server',
      start: est('11:00am'),
      end: est('11:30am'),
      type: 'AI + ML',
      speakers: [person('Stefan Prodan', 'Principal Engineer', 'ControlPlane')],
      speakersRaw: 'Stefan Prodan (Principal Engineer, ControlPlane)',
      venue: venue('Building B | Level 2 | B206, Atlanta, GA, USA'),
      description:
        'Managing complex GitOps pipelines across multiple environments often requires deep Kubernetes expertise and time-consuming troubleshooting.\n\nIn this session, Stefan will introduce the Flux MCP Server, a new tool in the Flux CD ecosystem that connects AI assistants to Kubernetes clusters.',
    }),
    makeSession({
      title: 'Feature Flags Suck!',
      start: est('11:00am'),
      end: est('11:30am'),
      type: 'APPLICATION DEVELOPMENT',
      speakers: uncertain(
        'The Problems With Feature Flagging and How To Avoid Them - Pete Hodgson (Software Delivery Consultant, PH1)',
      ),
      speakersRaw:
        'The Problems With Feature Flagging and How To Avoid Them - Pete Hodgson (Software Delivery Consultant, PH1)',
      venue: venue('Building B | Level 5 | Thomas Murphy Ballroom 2-3, Atlanta, GA, USA'),
      description: 'OK, feature flags are actually pretty awesome, but if you use them wrong you could certainly be forgiven for thinking they suck.',
    }),
    makeSession({
      title: 'Tools and Strategies for Making the Most of Kubernetes Access Control',
      start: est('11:00am'),
      end: est('11:30am'),
      type: 'SECURITY',
      speakers: uncertain('Lucas Käldström (Upbound & Micah Hausler, AWS)'),
      speakersRaw: 'Lucas Käldström (Upbound & Micah Hausler, AWS)',
      venue: venue('Building B | Level 5 | Thomas Murphy Ballroom 1, Atlanta, GA, USA'),
      description: 'Have you ever struggled writing least-privilege access control policies for Kubernetes?',
    }),
    makeSession({
      title: '🚨 Contribfest: Level up Your Open Source Journey: Hands-On Backstage Contributions!',
      start: est('11:00am'),
      end: est('12:15pm'),
      type: '🚨 CONTRIBFEST',
      speakers: [
        person('André Wanlin', 'Customer Success Engineer', 'Spotify'),
        person('Avantika Iyer', 'Engineering Manager', 'Spotify'),
        person('Aramis Sennyey', 'Software Engineer', 'DoorDash'),
        person('Kurt King', 'Senior Software Engineer', 'Procore'),
      ],
      speakersRaw:
        'André Wanlin (Customer Success Engineer, Spotify); Avantika Iyer (Engineering Manager, Spotify); Aramis Sennyey (Software Engineer, DoorDash); Kurt King (Senior Software Engineer, Procore)',
      venue: venue('Building B | Level 2 | B207, Atlanta, GA, USA'),
      description: 'Jump into the world of Backstage at our interactive ContribFest session!',
    }),
    makeSession({
      title: 'Lunch 🍲',
      start: est('12:15pm'),
      end: est('1:45pm'),
      type: 'BREAKS',
      venue: venue('Building B | Level 1 | Exhibit Hall B3-B5, Atlanta, GA, USA'),
    }),
    makeSession({
      title: 'Dragonfly v2.3.0',
      start: est('3:15pm'),
      end: est('3:45pm'),
      type: 'MAINTAINER TRACK',
      speakers: uncertain('Intro (Updates, Model Distribution With Cloud Native Infra - Wenbo Qi & Tao Peng, Ant Group)'),
      speakersRaw: 'Intro (Updates, Model Distribution With Cloud Native Infra - Wenbo Qi & Tao Peng, Ant Group)',
      venue: venue('Building C | Level 3 | Georgia Ballroom 2, Atlanta, GA, USA'),
      description:
        'Dragonfly provides efficient, stable, and secure file distribution and image acceleration using P2P technology within cloud-native architectures.',
    }),
    makeSession({
      title: 'Feature Flag Driven Development: Seamlessly Integrate Feature Flags Into Your SDLC',
      start: est('3:15pm'),
      end: est('3:45pm'),
      type: 'APPLICATION DEVELOPMENT',
      speakers: [
        person('Kris Coleman', 'Director of Platform Engineering', 'TestifySec'),
        person('Michael Beemer', 'Senior Product Manager', 'Dynatrace'),
      ],
      speakersRaw:
        'Kris Coleman (Director of Platform Engineering, TestifySec); Michael Beemer (Senior Product Manager, Dynatrace)',
      venue: venue('Building B | Level 4 | B406b-407, Atlanta, GA, USA'),
    }),
    makeSession({
      title: 'An Open Source AI Compute Stack: Kubernetes + Ray + PyTorch + VLLM',
      start: est('3:15pm'),
      end: est('3:45pm'),
      type: 'AI + ML',
      speakers: [person('Robert Nishihara', 'Co-founder', 'Anyscale')],
      speakersRaw: 'Robert Nishihara (Co-founder, Anyscale)',
      venue: venue('Building B | Level 2 | B206, Atlanta, GA, USA'),
    }),
    makeSession({
      title: 'Turbocharging Argo CD: Replacing Redis With Dragonfly for Better Performance and Lower Bills',
      start: est('3:15pm'),
      end: est('3:45pm'),
      type: 'OPERATIONS + PERFORMANCE',
      venue: venue('Building B | Level 3 | B304-305, Atlanta, GA, USA'),
      description: 'Argo CD is a foundational tool in GitOps workflows. Enter Dragonfly, a drop-in Redis replacement.',
    }),
  ]
  return sortSessions(list)
}

/** Snapshot order: start, then room, then title. */
export function sortSessions(sessions: Session[]): Session[] {
  return sessions.sort(
    (a, b) =>
      a.start.localeCompare(b.start) || a.venue.room.localeCompare(b.venue.room) || a.title.localeCompare(b.title),
  )
}

const SYNTH_TYPES = ['AI + ML', 'SECURITY', 'PLATFORM ENGINEERING', 'MAINTAINER TRACK', '🚨 CONTRIBFEST', 'BREAKS']
const SYNTH_ROOMS = [
  'Building A | Level 4 | A412',
  'Building B | Level 2 | B206',
  'Building B | Level 4 | B406b-407',
  'Building C | Level 3 | Georgia Ballroom 2',
]
const SYNTH_WORDS = ['kubernetes', 'gitops', 'observability', 'ebpf', 'scheduler', 'mesh', 'storage', 'policy', 'gpu', 'wasm']

/**
 * `count` sessions spread over `days` consecutive days from the seed's Thursday, 30-minute talks starting every
 * 15 minutes from 9:00, each with a ~600-character description (the real median), so text search does real work.
 */
export function syntheticSessions(count: number, days = 1): Session[] {
  const perDay = Math.ceil(count / days)
  // At least 12 talks in parallel (like the seed), more when needed to fit a day into 40 slots (10 hours).
  const parallel = Math.max(12, Math.ceil(perDay / 40))
  const out: Session[] = []
  for (let i = 0; i < count; i++) {
    const dayIndex = Math.floor(i / perDay)
    const day = new Date(Date.parse(`${THURSDAY}T12:00:00Z`) + dayIndex * 86_400_000).toISOString().slice(0, 10) as VenueDay
    const slot = Math.floor((i % perDay) / parallel)
    const startMs = Date.parse(est('9:00am', day)) + slot * 15 * 60_000
    const word = SYNTH_WORDS[i % SYNTH_WORDS.length]!
    const title = `Session ${i}: Practical ${word} at scale`
    out.push(
      makeSession({
        title,
        day,
        start: (new Date(startMs).toISOString().slice(0, 19) + 'Z') as Instant,
        end: (new Date(startMs + 30 * 60_000).toISOString().slice(0, 19) + 'Z') as Instant,
        type: SYNTH_TYPES[i % SYNTH_TYPES.length]!,
        speakers: [person(`Speaker ${i}`, 'Engineer', `Company ${i % 97}`)],
        speakersRaw: `Speaker ${i} (Engineer, Company ${i % 97})`,
        venue: venue(`${SYNTH_ROOMS[i % SYNTH_ROOMS.length]!}, Atlanta, GA, USA`),
        description: `This talk about ${word} covers production lessons. `.repeat(12),
      }),
    )
  }
  return sortSessions(out)
}

/**
 * Two more real Thursday sessions for walking checks: Building B Level 4 until 11:30, then Building C Level 3 at
 * 11:45. The model's 13-minute walk fits the 15-minute changeover at a normal pace, not at a relaxed one (17 min).
 */
export function transitionSessions(): { springBoot: Session; sigApi: Session } {
  return {
    springBoot: makeSession({
      title: 'Autoscaling Spring Boot Apps in Kubernetes With KEDA',
      start: est('11:00am'),
      end: est('11:30am'),
      type: 'APPLICATION DEVELOPMENT',
      venue: venue('Building B | Level 4 | B406b-407, Atlanta, GA, USA'),
      description: 'Scaling Spring Boot applications on Kubernetes with KEDA and custom metrics.',
    }),
    sigApi: makeSession({
      title: 'SIG API Machinery and AI: What Comes Next?',
      start: est('11:45am'),
      end: est('12:15pm'),
      type: 'MAINTAINER TRACK',
      venue: venue('Building C | Level 3 | Georgia Ballroom 2, Atlanta, GA, USA'),
    }),
  }
}

/** The seed sessions plus {@link transitionSessions}, in snapshot order. */
export function planSeedSessions(): Session[] {
  const { springBoot, sigApi } = transitionSessions()
  return sortSessions([...seedSessions(), springBoot, sigApi])
}
