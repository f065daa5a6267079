/** Source text shared by the CLI and hostile-input suites: council minutes with figures, a quote and dates. */
export const MINUTES =
  'Harbor Town Council: minutes of the meeting of 14 March 2023\n\n' +
  'The council approved a budget of $8 million for the new footbridge across the Kell estuary.\n\n' +
  'Mayor Elena Ruiz said: "This bridge will join the old town to the harbor for the first time in a century."\n\n' +
  'Construction is expected to start in June 2023 and to finish in October 2024.\n';
