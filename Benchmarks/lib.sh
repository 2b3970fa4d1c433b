# The set-up the benchmark scripts share (glossary.sh, panels.sh, suggest.sh; run.sh takes
# panel_config). Sourced after HERE (this folder) and REPO are set; not run on its own.

# Prints the help text: the comment block at the top of the sourcing script.
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }

# Ends the script unless hyperfine is installed.
need_hyperfine() {
    command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }
}

# Makes WORK an existing absolute folder: a new `mktemp -d` one, deleted when the script
# exits, when WORK is empty.
make_work_folder() {
    CLEANUP=0
    if [ -z "$WORK" ]; then WORK="$(mktemp -d)"; CLEANUP=1; fi
    mkdir -p "$WORK"
    WORK="$(cd "$WORK" && pwd)"
    trap '[ "$CLEANUP" = 1 ] && rm -rf "$WORK"' EXIT
}

# Builds captions in release mode and sets BIN to it, unless BIN already names a binary.
release_binary() {
    if [ -z "$BIN" ]; then
        (cd "$REPO" && swift build -c release --product captions >&2)
        BIN="$(cd "$REPO" && swift build -c release --show-bin-path)/captions"
    fi
}

# Generates the benchmark collection of $2 exhibits (seed 1, no PO files) in folder $1, unless
# it is there from an earlier run.
plain_collection() {
    if [ ! -d "$1/Captions" ]; then
        python3 "$HERE/gen_corpus.py" --count "$2" --seed 1 --no-po --out "$1" --force --quiet
    fi
}

# The benchmark configuration with every field on a PT Sans panel: the generator's
# captions.yml ($1) with `panel: NAME` added to each field and a `panels:` section.
panel_config() {
    sed -e 's/^\(  title: .*\) }$/\1, panel: title }/' \
        -e 's/^\(  text: .*\) }$/\1, panel: object }/' \
        -e 's/^\(  credit: .*\) }$/\1, panel: credit }/' "$1"
    cat <<'YAML'
panels:
  title:  { font: "PT Sans:Bold", size-pt: 40, leading-pt: 46, width-mm: 300, max-lines: 3 }
  object: { font: "PT Sans", size-pt: 24, leading-pt: 30, width-mm: 300, max-lines: 12 }
  credit: { font: "PT Sans:Italic", size-pt: 16, leading-pt: 20, width-mm: 300, max-lines: 2 }
YAML
}
