import { parseSchedSpeakers } from '../../src/domain/speakers'

describe('parseSchedSpeakers (real seed lines)', () => {
  it('splits name (role, company) at the last comma', () => {
    expect(parseSchedSpeakers('Hemant Kumar (Software Engineer, Red Hat, Red Hat)')).toEqual([
      { name: 'Hemant Kumar', role: 'Software Engineer, Red Hat', company: 'Red Hat', raw: 'Hemant Kumar (Software Engineer, Red Hat, Red Hat)' },
    ])
  })

  it('reads a lone parenthesis as the company', () => {
    expect(parseSchedSpeakers('Joe Lanford (Red Hat)')).toEqual([{ name: 'Joe Lanford', company: 'Red Hat', raw: 'Joe Lanford (Red Hat)' }])
  })

  it('keeps "&" inside a job title', () => {
    expect(parseSchedSpeakers('Idit Levine (Founder & CEO, Solo.io)')[0]).toMatchObject({ name: 'Idit Levine', role: 'Founder & CEO', company: 'Solo.io' })
  })

  it('keeps the raw text when Sched merged two people into one affiliation', () => {
    const raw = 'Benjamin Consolvo (AMD & Daron Yöndem, AWS)'
    expect(parseSchedSpeakers(raw)).toEqual([{ name: raw, raw }])
  })

  it('keeps the raw text when a talk title or a time leaked into the line', () => {
    for (const raw of [
      'The Problems With Feature Flagging and How To Avoid Them - Pete Hodgson (Software Delivery Consultant, PH1)',
      'Gustavo Carvalho (Thursday November 13, 2025 1:45pm - 3:00pm EST)',
      'Intro (Updates, Model Distribution With Cloud Native Infra - Wenbo Qi & Tao Peng, Ant Group)',
    ]) expect(parseSchedSpeakers(raw)).toEqual([{ name: raw, raw }])
  })

  it('names co-speakers who share one affiliation, without guessing whose it is', () => {
    const raw = 'Tim Allclair & Mofi Rahman (Software Engineer, Google)'
    expect(parseSchedSpeakers(raw)).toEqual([
      { name: 'Tim Allclair', raw },
      { name: 'Mofi Rahman', raw },
    ])
  })

  it('does not split a company-form suffix as if it were the company', () => {
    expect(parseSchedSpeakers('Yuki Iwai (CyberAgent, Inc.)')).toEqual([{ name: 'Yuki Iwai', raw: 'Yuki Iwai (CyberAgent, Inc.)' }])
  })

  it('drops a role that only repeats the name', () => {
    expect(parseSchedSpeakers('David Ashpole (David Ashpole, Google)')).toEqual([
      { name: 'David Ashpole', company: 'Google', raw: 'David Ashpole (David Ashpole, Google)' },
    ])
  })

  it('splits people on semicolons and returns none for an empty line', () => {
    expect(parseSchedSpeakers('A B (X, Y); C D (Z)').map((s) => s.name)).toEqual(['A B', 'C D'])
    expect(parseSchedSpeakers('  ')).toEqual([])
  })
})
