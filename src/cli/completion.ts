// `reunify completion <shell>`: prints a completion script (src/cli/completionScripts.ts).
import { Argument, type Command } from 'commander';
import { writeOut } from '../app/shared.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;

export function registerCompletion(program: Command): void {
  program
    .command('completion')
    .description('print a shell completion script for reunify: commands, options and their choices')
    .addArgument(new Argument('<shell>', 'the shell to complete in').choices(SHELLS))
    .addHelpText(
      'after',
      `
Examples:
  $ source <(reunify completion bash)
  $ reunify completion zsh > "\${fpath[1]}/_reunify"
  $ reunify completion fish > ~/.config/fish/completions/reunify.fish`,
    )
    .action(async (shell: (typeof SHELLS)[number]) => {
      const { completionScript } = await import('./completionScripts.js');
      writeOut(completionScript(program, shell));
    });
}
