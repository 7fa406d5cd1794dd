# bench/accessmap.sh - generated access maps for the benchmarks, sourced
# by bench/scale.sh and bench/reload.sh (which set DB_LOAD and die).
#
# gen_access N FILE writes N entries under .example as sendmail's access
# source text: a tenth From: tagged, a tenth address keys, a tenth OK,
# the rest blocking domains; compile FILE makes FILE.db (hash, with
# db5.3_load: makemap's format, see tests/cli/access.t) and FILE.cdb
# (tinycdb's cdb).

# gen_access N FILE - N access entries as source text
gen_access() {
	python3 - "$1" "$2" <<'EOF'
import random, sys
n, path = int(sys.argv[1]), sys.argv[2]
r = random.Random(1)
acts = ["DISCARD", "REJECT", 'ERROR:"550 5.7.1 Sender banned"']
with open(path, "w") as f:
    for i in range(n):
        d = "mail.s%x.example" % i
        x = r.random()
        if x < 0.1:
            f.write("From:%s\t%s\n" % (d, r.choice(acts)))
        elif x < 0.2:
            f.write("user%d@%s\tREJECT\n" % (i, d))
        elif x < 0.3:
            f.write("%s\tOK\n" % d)
        else:
            f.write("%s\t%s\n" % (d, r.choice(acts)))
EOF
}

# compile TEXT - TEXT.db (hash) and TEXT.cdb, as makemap would write them
compile() {
	awk '!/^#/ && NF >= 2 { k = tolower($1); sub(/^[^ \t]+[ \t]+/, "");
		if (!(k in seen)) { seen[k] = 1; print k; print } }' "$1" > "$1.pairs"
	rm -f "$1.db" "$1.cdb"
	"$DB_LOAD" -T -t hash "$1.db" < "$1.pairs" || die "db_load $1"
	paste -d ' ' - - < "$1.pairs" | cdb -c -m "$1.cdb" || die "cdb $1"
	rm -f "$1.pairs"
}

