# The boot timeline of "make bench": for each image, QEMU start to
# userspace as bars, one colour per phase, from scripts/bench-boot.sh's
# medians:
#   gnuplot -e "data='boot-split.dat'; out='boot-timeline.svg'; accel='tcg'" boot-timeline.gp
# data: TSV of name, phase, start (s), end (s), row, colour.
set terminal svg size 960,300 font "sans,12" noenhanced
set output out
set datafile separator "\t"
set title sprintf("QEMU start to userspace, median of the boots, %s (make bench)", accel)
set xlabel "seconds since QEMU started"
set style fill solid 0.85 border -1
set grid xtics
set yrange [-0.6:*] reverse
set offsets 0, 0, 0, 0.6
set xrange [0:*]
set key outside right top
set lmargin 12
set palette defined (1 "#8c8c8c", 2 "#d98c3a", 3 "#3a6ea5")
unset colorbox
set cbrange [1:3]
plot data using (($3 + $4) / 2):5:(($4 - $3) / 2):(0.3):6:ytic(1) with boxxyerror lc palette notitle, \
     data using (($3 + $4) / 2):5:(sprintf("%.2f", $4 - $3)) with labels notitle, \
     NaN with boxes lc rgb "#8c8c8c" title "QEMU, firmware, kernel load", \
     NaN with boxes lc rgb "#d98c3a" title "setup.bin, decompressor", \
     NaN with boxes lc rgb "#3a6ea5" title "kernel init to PID 1"
