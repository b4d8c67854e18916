// Every job kind, loaded once so the queue knows its handlers.
import "../discovery/scan";
import "../discovery/register";
import "../baremetal/server-jobs";
