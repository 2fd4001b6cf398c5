// Where a place in the frab JSON intermediate form came from in the file the user has. frab XML, c3voc schedule v2
// and iCalendar files are read by turning them into frab JSON (one parser, one set of checks: frabParser.ts); each
// adapter records, for the JSON paths it builds, the place in its own file ("schedule/day[2]/room[@name="Saal 1"]/
// event[3]/date (line 45)"), and problems and warnings are reported there.

/** One JSON path's place in the source file. */
export class SourceLocator {
  private readonly places = new Map<string, string>()

  set(jsonPath: string, place: string): void {
    this.places.set(jsonPath, place)
  }

  /** The place of `jsonPath`, or of the nearest enclosing path recorded; the JSON path itself when none is. */
  locate = (jsonPath: string): string => {
    for (let path = jsonPath; path !== ''; path = parentPath(path)) {
      const place = this.places.get(path)
      if (place !== undefined) return place
    }
    return jsonPath
  }
}

// The last step of a path: `.name`, `[3]` or `["a key"]` (a JSON string, escapes and all).
const LAST_STEP_RE = /(?:\.[^.[\]"]+|\[\d+\]|\["(?:[^"\\]|\\.)*"\])$/

function parentPath(path: string): string {
  const step = LAST_STEP_RE.exec(path)
  return step ? path.slice(0, step.index) : ''
}
