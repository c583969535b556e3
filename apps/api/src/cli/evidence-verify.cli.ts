import { runEvidenceVerify } from './evidence-verify';

/** npm run evidence:verify — see runEvidenceVerify. */
runEvidenceVerify(process.argv.slice(2), (text) => process.stdout.write(text)).then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`错误 / Error: ${error.message}\n`);
    process.exit(1);
  },
);
