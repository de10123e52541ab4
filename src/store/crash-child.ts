// Child process for the crash-safety test: ingests invented articles one commit at a time and
// prints each id after its commit returned, until it is killed.
import { analyzeRecords } from '../analyze.js';
import { openStore } from './sqlite.js';
import { inventedRecord } from './suite.js';

const [file, count] = process.argv.slice(2);
const store = openStore(file);
for (let i = 0; i < Number(count); i++) {
  const { documents } = analyzeRecords([inventedRecord(i, `Serial ${i}.`)], { stages: ['clean'] });
  const [r] = await store.putDocuments(documents, ['clean@1']);
  process.stdout.write(r.id + '\n');
}
await store.close();
