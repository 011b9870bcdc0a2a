/**
 * One log line = one JSON object, on Node (node.ts) and the Worker (worker.ts): request lines (deps.ts
 * LogEntry) and the operator's messages alike, so that journald, Workers Logs or a log shipper can parse every
 * line. An operator message keeps its French sentence in `message`; never content nor an address.
 */
export type Level = 'info' | 'attention' | 'erreur';

/** An operator's message as a JSON line; `detail` for what a list holds (the settings refused at start). */
export const logLine = (niveau: Level, message: string, detail?: Record<string, unknown>) =>
  JSON.stringify({ at: new Date().toISOString(), niveau, message, ...detail });

/** A request's line (LogEntry) as JSON, stamped. */
export const requestLine = (entry: object) => JSON.stringify({ at: new Date().toISOString(), ...entry });

/** The level an operator message deserves, from its words (the jobs' notices are plain sentences). */
export const levelOf = (message: string): Level =>
  /^ATTENTION|échec|non envoyée|ne peut pas|impossible|rien n’a été effacé|restent lisibles/i.test(message)
    ? 'attention'
    : 'info';
