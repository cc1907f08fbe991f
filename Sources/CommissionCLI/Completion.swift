import Commissioning

/// `commission completion bash|zsh|fish`: a completion script written from ``Flags`` and
/// ``CommandName``, the lists the parser reads, so a new flag completes without another edit.
enum Completion {
  /// The shells a script is written for, spelled as users type them.
  enum Shell: String, CaseIterable {
    case bash
    case zsh
    case fish
  }

  /// The words that can stand first: the commands, then `help` and `completion`.
  static var commandWords: [String] {
    CommandName.allCases.map(\.rawValue) + ["help", "completion"]
  }

  static func script(for shell: Shell) -> String {
    switch shell {
    case .bash: return bash
    case .zsh: return zsh
    case .fish: return fish
    }
  }

  /// A bash function `_commission` for `complete -F`: the command word first, then its flags,
  /// then a fixed flag's values; anything else falls back to file names (`-o default`).
  static var bash: String {
    let shells = Shell.allCases.map(\.rawValue).joined(separator: " ")
    let commands = CommandName.allCases.map(\.rawValue).joined(separator: " ")
    var text = """
      # bash completion for commission: eval "$(commission completion bash)"
      _commission() {
        local cur prev cmd i flags
        cur="${COMP_WORDS[COMP_CWORD]}"
        prev=""
        if [ "$COMP_CWORD" -gt 0 ]; then prev="${COMP_WORDS[COMP_CWORD-1]}"; fi
        cmd=""
        for ((i = 1; i < COMP_CWORD; i++)); do
          case "${COMP_WORDS[i]}" in
            \(commandWords.joined(separator: "|"))) cmd="${COMP_WORDS[i]}"; break ;;
          esac
        done
        case "$cmd" in
          completion)
            COMPREPLY=($(compgen -W "\(shells)" -- "$cur"))
            return ;;
          help)
            COMPREPLY=($(compgen -W "\(commands)" -- "$cur"))
            return ;;
          "")
            if [[ "$cur" == -* ]]; then
              COMPREPLY=($(compgen -W "\(Flags.common.joined(separator: " "))" -- "$cur"))
            else
              COMPREPLY=($(compgen -W "\(commandWords.joined(separator: " "))" -- "$cur"))
            fi
            return ;;
        esac
        case "$cmd $prev" in

      """
    for command in CommandName.allCases {
      for flag in Flags.common + Flags.own(command) {
        let values = Flags.values(flag, for: command)
        guard !values.isEmpty else { continue }
        text += "    \"\(command.rawValue) \(flag)\")\n"
        text += "      COMPREPLY=($(compgen -W \"\(values.joined(separator: " "))\" -- \"$cur\"))\n"
        text += "      return ;;\n"
      }
    }
    text += "  esac\n  case \"$cmd\" in\n"
    for command in CommandName.allCases {
      let flags = (Flags.own(command) + Flags.common).joined(separator: " ")
      text += "    \(command.rawValue)) flags=\"\(flags)\" ;;\n"
    }
    text += """
        esac
        if [[ "$cur" == -* ]]; then
          COMPREPLY=($(compgen -W "$flags" -- "$cur"))
        fi
      }
      complete -o default -F _commission commission

      """
    return text
  }

  /// zsh runs the bash function through `bashcompinit`: one script, the same answers.
  static var zsh: String {
    """
    #compdef commission
    # zsh completion for commission: eval "$(commission completion zsh)"
    autoload -U +X compinit && compinit
    autoload -U +X bashcompinit && bashcompinit

    """ + bash
  }

  /// fish: one `complete` line per command and per flag, offered once the command is typed.
  static var fish: String {
    let shells = Shell.allCases.map(\.rawValue).joined(separator: " ")
    var text = """
      # fish completion for commission: commission completion fish | source
      complete -c commission -n __fish_use_subcommand -a 'help completion'
      complete -c commission -n '__fish_seen_subcommand_from completion' -a '\(shells)'

      """
    for command in CommandName.allCases {
      let summary = command.summary.replacingOccurrences(of: "'", with: "")
      text +=
        "complete -c commission -n __fish_use_subcommand -a \(command.rawValue) -d '\(summary)'\n"
      for flag in Flags.own(command) + Flags.common {
        let option = flag.hasPrefix("--") ? "-l \(flag.dropFirst(2))" : "-s \(flag.dropFirst())"
        let values = Flags.values(flag, for: command)
        let takes =
          Flags.switches.contains(flag)
          ? "" : values.isEmpty ? " -r -F" : " -x -a '\(values.joined(separator: " "))'"
        let condition = "'__fish_seen_subcommand_from \(command.rawValue)'"
        text += "complete -c commission -n \(condition) \(option)\(takes)\n"
      }
    }
    return text
  }
}
