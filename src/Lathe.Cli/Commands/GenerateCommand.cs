using System.CommandLine;
using Lathe.Experiments.Runs;

namespace Lathe.Cli.Commands;

/// <summary>lathe generate RUN --prompt TEXT [--tokens N] [--temperature T] [--top-k K] [--seed S]</summary>
internal static class GenerateCommand
{
    public static Command Create(CliConsole console)
    {
        var run = new Argument<string>("run") { Description = "A run folder of a model.type gpt training (or its model/ folder)." };
        var prompt = new Option<string>("--prompt", "-p") { Description = "Text to continue.", DefaultValueFactory = _ => "" };
        var tokens = new Option<int>("--tokens", "-n") { Description = "Characters to generate.", DefaultValueFactory = _ => 200 };
        var temperature = new Option<double>("--temperature") { Description = "Below 1: safer, more repetitive; above 1: wilder.", DefaultValueFactory = _ => 0.8 };
        var topK = new Option<int?>("--top-k") { Description = "Sample only among the K likeliest characters." };
        var seed = new Option<int>("--seed") { Description = "Same seed, same text.", DefaultValueFactory = _ => 0 };
        var command = new Command("generate", "Generate text with a trained language model.") { run, prompt, tokens, temperature, topK, seed };
        command.SetAction(parsed => LatheCli.Guard(console, () =>
        {
            var text = GenerationRun.Execute(parsed.GetValue(run)!, parsed.GetValue(prompt)!, parsed.GetValue(tokens),
                parsed.GetValue(temperature), parsed.GetValue(topK), parsed.GetValue(seed));
            console.Output.WriteLine(parsed.GetValue(prompt) + text);
            return 0;
        }));
        return command;
    }
}
