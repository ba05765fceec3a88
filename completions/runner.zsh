# runner completion for zsh, through zsh's bash completion support
autoload -U +X compinit && compinit
autoload -U +X bashcompinit && bashcompinit
source "${0:A:h}/runner.bash"
