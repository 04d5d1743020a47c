# The size report's chart: the Kconfig symbols that bring the most bytes
# into vmlinux, as bars.  Called by "make size-report":
#   gnuplot -e "data='symbols.tsv'; out='symbols.svg'; name='default'" size-chart.gp
# data is the TSV that "ksize report --symbols" writes, largest first.
set terminal svg size 960,540 font "sans,12" noenhanced
set output out
set datafile separator "\t"
set title sprintf("Where vmlinux's bytes go (%s profile): text+data by Kconfig symbol, top 15", name)
set ylabel "KiB"
set style fill solid 0.85 border -1
set boxwidth 0.7
set grid ytics
set xtics rotate by 35 right nomirror
set yrange [0:*]
set bmargin 10
set lmargin 16
unset key
plot data every ::0::14 using 0:(($2 + $3) / 1024.0):xtic(1) with boxes lc rgb "#3a6ea5", \
     data every ::0::14 using 0:(($2 + $3) / 1024.0):(sprintf("%.0f", ($2 + $3) / 1024.0)) with labels offset 0,0.7
