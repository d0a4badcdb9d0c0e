# bench/run.sh's goals picture: one bar per goal, the ratio ours/theirs from the table (ours: bin/user-activity-kafka),
# drawn from parity (1.0) up or down on a log scale, green where the goal holds and red where it is missed; the
# black dash on each bar is its goal; the figure sits above the bar's top, or above the parity line for bars below it. For rates (records/s) higher is better, for seconds and RSS lower.
#   gnuplot -e "goals='target/bench/goals.dat'; out='target/bench/benchmarks-throughput.svg'" bench/throughput.gp
# goals.dat: label <TAB> ratio <TAB> goal <TAB> 1 if it holds, else 0 (bench/run.sh writes it).
set terminal svg size 1100,640 dynamic font 'sans,12' background rgb 'white'
set output out
set datafile separator "\t"
set datafile missing "nan"
set title "user-activity-kafka against Kafka's own tools: ours / theirs, per goal (one bench/run.sh run, medians)"
set ylabel "ratio ours / theirs (log scale)"
set logscale y 2
set format y "%.2gx"
set grid ytics
set xtics rotate by 30 right offset 0, -0.3 nomirror noenhanced
set bmargin 14
set lmargin 24
set autoscale xfix
set offsets 0.6, 0.6, 0, 0
set style fill solid 0.75 border -1
set key outside top center horizontal
set arrow from graph 0, first 1 to graph 1, first 1 nohead dt 2 lc rgb 'gray40'
plot goals using 0:2:($0 - 0.3):($0 + 0.3):(1):2:($4 > 0.5 ? 0x2e8b57 : 0xcc3333):xtic(1) \
       with boxxyerrorbars lc rgb variable notitle, \
     '' using ($0 - 0.38):3:(0.76):(0) with vectors nohead lw 3 lc rgb 'black' title "goal", \
     '' using 0:($2 >= 1 ? $2 : NaN):(sprintf("%.2fx", $2)) with labels offset 0, 0.8 notitle, \
     '' using 0:($2 < 1 ? 1 : NaN):(sprintf("%.2fx", $2)) with labels offset 0, 0.8 notitle, \
     NaN with boxes fill solid 0.75 lc rgb 0x2e8b57 title "ours / theirs: the goal holds", \
     NaN with boxes fill solid 0.75 lc rgb 0xcc3333 title "ours / theirs: missed"
