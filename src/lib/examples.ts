/**
 * The examples gallery's files. They are the app's own static files (public/examples/), fetched
 * from the same origin only when the gallery opens, so they cost nothing at first paint and work
 * offline once the app is served.
 */
const EXAMPLES_URL = './examples/'

/** A file of the examples folder as text; rejects on a network error or an HTTP error status. */
export async function fetchExample(file: string): Promise<string> {
  const response = await fetch(EXAMPLES_URL + file)
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`)
  return response.text()
}
