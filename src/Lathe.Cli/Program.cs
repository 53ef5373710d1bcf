return Lathe.Cli.LatheCli.Run(args, Console.Out, Console.Error);
