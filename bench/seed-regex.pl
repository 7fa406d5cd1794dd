#!/usr/bin/perl -n
# seed-regex.pl - the seed's regular expression (shared/seed, "DrJ,
# 7/2013") as a first-seen filter over a log stream: a peer that
# phishwatch is measured against in bench/.  Prints each captured
# domain label the first time it is seen.
#
#   perl bench/seed-regex.pl < maillog
#
# The seed reads from=\w{1,25}@...: its blog lost the angle brackets that
# sendmail writes around addresses, so "<?" is added here; nothing else
# is changed.  What it captures is the label after emalsrv/complains
# ("marriott" of emalsrv.marriott.com), not a registrable domain.
if (($domain) = /from=<?\w{1,25}@(?:emalsrv|complains)\.([^\.]+)\./) {
	print "$domain\n" unless $seen{$domain}++;
}
