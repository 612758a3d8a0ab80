// Loaded with --import into a forked Node child: gives it the process.parentPort an Electron
// utility process has, over the fork's IPC channel, and takes process.send away, so the child
// can only be heard if it speaks as a utility process does.
const send = process.send.bind(process);
process.send = undefined;
process.parentPort = {
  postMessage: (message) => send(message),
  on: (event, listener) => process.on(event, (data) => listener({ data })),
};
