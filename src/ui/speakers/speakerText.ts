// What the speakers screens say in words.
export function speakerCountLabel(n: number): string {
  return `${n} ${n === 1 ? 'speaker' : 'speakers'}`
}

export function sessionCountLabel(n: number): string {
  return `${n} ${n === 1 ? 'session' : 'sessions'}`
}
